package org.kaimen.hearings;

import java.util.Map;

/**
 * A public registration (第十一条: state the key points). Speakers give their stance on each matter (matter id →
 * side); observers leave stances, sector and key points empty.
 */
public record RegistrationForm(Participation role, String name, String email, String sector, String district,
                               String expertise, String keyPoints, Map<Long, Side> stances, String locale) {
}
