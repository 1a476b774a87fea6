package org.kaimen.hearings.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) event for the hearing. METHOD:PUBLISH, not REQUEST: the hearing is not a meeting the
 * speaker can decline by mail; attendance is confirmed to the clerk (第十四条). Times in UTC, lines folded at 75
 * octets, text escaped.
 */
public final class Ics {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private Ics() {
    }

    public static byte[] event(String uid, OffsetDateTime start, OffsetDateTime end, OffsetDateTime stamp,
                               String summary, String location, String description, String url) {
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//Kaimen//Hearings//ZH");
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "METHOD:PUBLISH");
        line(sb, "BEGIN:VEVENT");
        line(sb, "UID:" + uid);
        line(sb, "DTSTAMP:" + utc(stamp));
        line(sb, "DTSTART:" + utc(start));
        line(sb, "DTEND:" + utc(end));
        line(sb, "SUMMARY:" + escape(summary));
        if (location != null && !location.isBlank()) {
            line(sb, "LOCATION:" + escape(location));
        }
        if (description != null && !description.isBlank()) {
            line(sb, "DESCRIPTION:" + escape(description));
        }
        if (url != null) {
            line(sb, "URL:" + url);
        }
        line(sb, "END:VEVENT");
        line(sb, "END:VCALENDAR");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String utc(OffsetDateTime t) {
        return UTC.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Folds at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
    private static void line(StringBuilder sb, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > limit) {
                sb.append("\r\n ");
                octets = 1;
            }
            sb.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        sb.append("\r\n");
    }
}
