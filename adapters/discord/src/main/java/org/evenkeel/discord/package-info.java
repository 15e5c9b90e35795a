/**
 * Discord through JDA: direct messages and slash commands in, rendered replies out.
 *
 * <p>{@link org.evenkeel.discord.DiscordListener} maps JDA's events to the engine's events ({@link
 * org.evenkeel.discord.DiscordMapper}) and acknowledges interactions; {@link
 * org.evenkeel.discord.DiscordOutbound} sends a turn's effects, rendered by {@link
 * org.evenkeel.discord.DiscordRenderer}, through the live interaction or the member's DM channel.
 */
package org.evenkeel.discord;
