package com.example.shipping;

import java.util.Optional;

/** The counter's scale: the weight it last read for a parcel, if it has read it. */
public interface Scale {
    Optional<Integer> lastReading(String trackingCode);
}
