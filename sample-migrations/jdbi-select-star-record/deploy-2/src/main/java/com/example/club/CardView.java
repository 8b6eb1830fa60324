package com.example.club;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the card app receives; its field keeps the old name, which is the API's, not a column's. */
public record CardView(@JsonProperty("nickname") String shortName) {

    static CardView of(Member member) {
        return new CardView(member.name().split(" ")[0]);
    }
}
