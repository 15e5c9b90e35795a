package org.evenkeel.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenkeel.core.text.StyledText;

/**
 * Writes {@link StyledText} in Discord's message markdown
 * (support.discord.com/hc/articles/210298617): bold as {@code **}, italic as {@code _}, everything
 * else escaped so that nothing a member or a content author wrote becomes formatting, a spoiler, a
 * quote, a heading, a list, a masked link or a mention. Web addresses are left as written, so the
 * crisis lines' links stay clickable (Discord applies no markdown inside a link it detects), and so
 * are channel and role tags.
 */
final class DiscordMarkdown {

  /**
   * Left as written: web addresses, and channel and role tags ({@code <#id>}, {@code <@&id>}, shown
   * as names; no message pings anyone, see {@link DiscordRenderer}).
   */
  private static final Pattern URL =
      Pattern.compile("https?://[^\\s<>]+|<#[0-9]{1,20}>|<@&[0-9]{1,20}>");

  /** Characters that format text wherever they stand. */
  private static final String ALWAYS = "\\*_~`|[]<";

  /** Characters that format a line when they begin it: quotes, headings, lists. */
  private static final String LINE_START = ">#-+";

  private DiscordMarkdown() {}

  static String render(StyledText text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    int i = 0;
    while (i < text.length()) {
      byte style = text.styleAt(i);
      int end = i;
      while (end < text.length() && text.styleAt(end) == style) {
        end++;
      }
      String run = text.slice(i, end).plainText();
      int lead = 0;
      while (lead < run.length() && Character.isWhitespace(run.charAt(lead))) {
        lead++;
      }
      int trail = run.length();
      while (trail > lead && Character.isWhitespace(run.charAt(trail - 1))) {
        trail--;
      }
      out.append(run, 0, lead);
      if (lead > 0) {
        lineStart = run.substring(0, lead).contains("\n") || lineStart;
      }
      if (trail > lead) {
        String marker = marker(style);
        out.append(marker);
        lineStart = escape(out, run.substring(lead, trail), lineStart);
        out.append(new StringBuilder(marker).reverse());
      }
      out.append(run, trail, run.length());
      if (trail < run.length() && run.substring(trail).contains("\n")) {
        lineStart = true;
      }
      i = end;
    }
    return out.toString();
  }

  private static String marker(byte style) {
    boolean bold = (style & StyledText.BOLD) != 0;
    boolean italic = (style & StyledText.ITALIC) != 0;
    return (bold ? "**" : "") + (italic ? "_" : "");
  }

  /** Appends {@code text} escaped; returns whether the output ends at the start of a line. */
  private static boolean escape(StringBuilder out, String text, boolean lineStart) {
    Matcher url = URL.matcher(text);
    int from = 0;
    while (url.find()) {
      lineStart = escapePlain(out, text.substring(from, url.start()), lineStart);
      out.append(url.group());
      lineStart = false;
      from = url.end();
    }
    return escapePlain(out, text.substring(from), lineStart);
  }

  private static boolean escapePlain(StringBuilder out, String text, boolean lineStart) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append(c);
        lineStart = true;
        continue;
      }
      if (ALWAYS.indexOf(c) >= 0
          || (lineStart && LINE_START.indexOf(c) >= 0)
          || (c == '.' && numberedListMarker(text, i, out))
          || (c == '@' && mention(text, i))) {
        out.append('\\');
      }
      out.append(c);
      if (!(lineStart && Character.isWhitespace(c))) {
        lineStart = false;
      }
    }
    return lineStart;
  }

  /** "1. " at the start of a line would become a numbered list. */
  private static boolean numberedListMarker(String text, int dot, StringBuilder out) {
    int start = out.length() - 1;
    while (start >= 0 && Character.isDigit(out.charAt(start))) {
      start--;
    }
    boolean digitsBefore = start < out.length() - 1;
    boolean atLineStart = start < 0 || out.charAt(start) == '\n';
    boolean spaceAfter = dot + 1 < text.length() && text.charAt(dot + 1) == ' ';
    return digitsBefore && atLineStart && spaceAfter;
  }

  /** {@code @everyone} and {@code @here} read as mentions even when nobody is pinged. */
  private static boolean mention(String text, int at) {
    return text.startsWith("everyone", at + 1) || text.startsWith("here", at + 1);
  }
}
