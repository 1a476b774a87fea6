package org.kaimen.experts;

/**
 * Where an expert stands in the appointment procedure: a candidate's name is shown publicly for seven working days
 * (第5条 of the municipal 立法咨询专家 rule in docs/experts.md) before the appointment; only the appointed are drawn.
 */
public enum ExpertStatus { CANDIDATE, PUBLIC_NOTICE, APPOINTED, SUSPENDED, RETIRED }
