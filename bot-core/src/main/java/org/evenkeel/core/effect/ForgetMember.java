package org.evenkeel.core.effect;

/**
 * Delete everything stored about the member: profile, journal, sessions and timers. The dispatcher
 * does it instead of committing the turn's state; the turn's messages are sent afterwards.
 */
public record ForgetMember() implements Effect {}
