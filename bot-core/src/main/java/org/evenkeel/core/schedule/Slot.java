package org.evenkeel.core.schedule;

import java.time.Instant;
import java.time.LocalDate;

/** The check-in of one local date and the instant it is due. */
record Slot(LocalDate date, Instant at) {}
