package org.evenkeel.core.effect;

/** Show a typing indicator: the bot is pacing, not gone. */
public record ShowTyping() implements Effect {}
