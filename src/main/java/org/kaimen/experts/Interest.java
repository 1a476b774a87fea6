package org.kaimen.experts;

/** A declared interest: an organisation the expert works for, advises, owns part of or sits on the board of. */
public record Interest(String organisation, String role) {
}
