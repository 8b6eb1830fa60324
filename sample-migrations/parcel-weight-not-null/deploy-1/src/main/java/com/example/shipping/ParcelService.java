package com.example.shipping;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ParcelService {

    private final ParcelRepository parcels;
    private final Scale scale;

    public ParcelService(ParcelRepository parcels, Scale scale) {
        this.parcels = parcels;
        this.scale = scale;
    }

    /** Registers a parcel at the counter; the scale may not have read it yet. */
    @Transactional
    public Parcel register(String trackingCode) {
        Optional<Integer> measured = scale.lastReading(trackingCode);
        return parcels.save(new Parcel(trackingCode, measured.orElse(null)));
    }
}
