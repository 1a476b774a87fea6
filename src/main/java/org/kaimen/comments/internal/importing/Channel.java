package org.kaimen.comments.internal.importing;

import java.util.Map;
import java.util.Optional;

/**
 * How an offline comment reached the Standing Committee. Online comments never pass through a spreadsheet, so
 * this enum deliberately has no ONLINE value: a clerk cannot mislabel a paper letter as an online submission.
 */
public enum Channel {
    /** A grassroots legislative liaison station (基层立法联系点) or a deputies' liaison station (代表联络站). */
    LIAISON_STATION,
    /** A paper letter (信件, 来信). */
    LETTER,
    /** An e-mail to the committee's public address (电子邮件). */
    EMAIL,
    /** A view given at a legislative hearing (听证). */
    HEARING,
    /** An expert opinion (专家). */
    EXPERT;

    // Clerks type what they see on the envelope or the station's cover sheet, so the common Chinese words are
    // accepted next to the enum names that the English template offers.
    private static final Map<String, Channel> LABELS = Map.ofEntries(
            Map.entry("联系点", LIAISON_STATION),
            Map.entry("基层立法联系点", LIAISON_STATION),
            Map.entry("立法联系点", LIAISON_STATION),
            Map.entry("代表联络站", LIAISON_STATION),
            Map.entry("LIAISONSTATION", LIAISON_STATION),
            Map.entry("STATION", LIAISON_STATION),
            Map.entry("信件", LETTER),
            Map.entry("来信", LETTER),
            Map.entry("LETTER", LETTER),
            Map.entry("电子邮件", EMAIL),
            Map.entry("邮件", EMAIL),
            Map.entry("EMAIL", EMAIL),
            Map.entry("听证", HEARING),
            Map.entry("听证会", HEARING),
            Map.entry("HEARING", HEARING),
            Map.entry("专家", EXPERT),
            Map.entry("专家意见", EXPERT),
            Map.entry("EXPERT", EXPERT));

    /** Reads a channel as a clerk writes it: a Chinese word or the enum name, in any case or width. */
    static Optional<Channel> fromLabel(String label) {
        return Optional.ofNullable(LABELS.get(Text.enumKey(label)));
    }
}
