package se.utfall.rfi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "utfall.rfi")
public interface RfiConfig {
    /** The time zone windows are counted in (calendar days, "open 10–27 May"). */
    @WithDefault("Europe/Stockholm")
    ZoneId timeZone();

    /** Run the scheduler that opens and closes windows in this process (every replica may). */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** How often the scheduler looks for windows due to open or close. */
    @WithDefault("1s")
    Duration schedulerInterval();

    /** The largest attachment (also the HTTP limit on the upload path, {@code utfall.http.max-upload-bytes}). */
    @WithDefault("10485760")
    long attachmentMaxBytes();

    /** All attachments of one response together. */
    @WithDefault("26214400")
    long responseAttachmentsMaxBytes();

    /** How many attachments one response may have. */
    @WithDefault("10")
    int responseAttachmentsMaxCount();

    /** What one organisation may create in a window; beyond it a 429 with Retry-After. */
    Limits limits();

    interface Limits {
        /** Clarification questions one organisation asks about one RFI per {@link #clarificationsWindow}. */
        @WithDefault("20")
        int clarifications();

        @WithDefault("1h")
        Duration clarificationsWindow();

        /** Files one response's organisation uploads to it per {@link #attachmentUploadsWindow}. */
        @WithDefault("30")
        int attachmentUploads();

        @WithDefault("1h")
        Duration attachmentUploadsWindow();
    }

    /** The OCDS export ({@code /api/v1/rfis/{id}/ocds}). */
    Ocds ocds();

    interface Ocds {
        /** The publisher's ocid prefix, registered with the Open Contracting Partnership ({@code ocds-xxxxxx}). */
        @WithDefault("ocds-utfall")
        String ocidPrefix();

        @WithDefault("Utfall")
        String publisherName();

        /** Where this service is reached from outside, for the package's {@code uri}. */
        @WithDefault("http://localhost:8082")
        String publicBaseUri();
    }
}
