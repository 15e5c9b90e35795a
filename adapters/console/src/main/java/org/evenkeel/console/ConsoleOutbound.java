package org.evenkeel.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evenkeel.core.effect.Choice;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.Outbound;

/**
 * Prints the bot's side of a console chat. Buttons are numbered; the latest ones are remembered so
 * that typing a number or a label presses them. In a colour terminal an edited message (the
 * breathing timer) is rewritten in place when nothing was printed after it; otherwise, and in
 * scripts, the new text is printed as a new line. Files (the data export) are written to a folder.
 */
public final class ConsoleOutbound implements Outbound {

  /** What the member's lines start with. */
  public static final String PROMPT = "you> ";

  private final PrintStream out;
  private final ConsoleRenderer renderer;
  private final boolean ansi;
  private final Path fileDir;
  private List<Choice> latestChoices = List.of();
  private final Map<String, Integer> refLines = new HashMap<>();
  private final Map<String, String> refTexts = new HashMap<>();
  private String lastRef;
  private boolean typingShown;
  private boolean promptShown;

  /**
   * @param out where the chat is printed
   * @param ansi use colour and rewrite edited messages in place (an interactive terminal)
   * @param fileDir where files sent by the bot are saved
   */
  public ConsoleOutbound(PrintStream out, boolean ansi, Path fileDir) {
    this.out = out;
    this.renderer = new ConsoleRenderer(ansi);
    this.ansi = ansi;
    this.fileDir = fileDir;
  }

  /** Shows the member's prompt; replies that arrive meanwhile clear it and show it again after. */
  public synchronized void showPrompt() {
    out.print(PROMPT);
    out.flush();
    promptShown = true;
  }

  /** The member pressed Enter: the prompt line is theirs now. */
  public synchronized void inputTaken() {
    promptShown = false;
  }

  @Override
  public synchronized void deliver(ConversationAddress to, List<Effect> effects, Lane lane) {
    boolean restorePrompt = promptShown;
    if (promptShown) {
      out.print("\r\u001b[K");
      promptShown = false;
    }
    for (Effect effect : effects) {
      if (effect instanceof SendMessage message) {
        clearTyping();
        int lines = print(renderer.message(message.text()), message.choices());
        lastRef = message.ref().orElse(null);
        message.ref().ifPresent(ref -> remember(ref, lines, message.text().markup()));
      } else if (effect instanceof EditMessage edit) {
        clearTyping();
        edit(edit);
      } else if (effect instanceof ShowTyping) {
        if (ansi && !typingShown) {
          out.print(ConsoleRenderer.INDENT + "\u001b[2m…\u001b[0m");
          out.flush();
          typingShown = true;
        }
      } else if (effect instanceof SendFile file) {
        clearTyping();
        saveFile(to, file);
        lastRef = null;
      }
    }
    if (restorePrompt) {
      clearTyping();
      showPrompt();
    }
    out.flush();
  }

  /** The buttons of the latest message that had any. */
  public synchronized List<Choice> latestChoices() {
    return latestChoices;
  }

  private void edit(EditMessage edit) {
    if (!ansi && edit.text().markup().equals(refTexts.get(edit.ref()))) {
      return; // only the buttons went away: a transcript need not repeat the line
    }
    Integer lines = refLines.get(edit.ref());
    if (ansi && lines != null && edit.ref().equals(lastRef)) {
      out.print("\u001b[" + lines + "F\u001b[J"); // up to the message's first line, clear below
    }
    int printed = print(renderer.message(edit.text()), edit.choices());
    remember(edit.ref(), printed, edit.text().markup());
    lastRef = edit.ref();
  }

  private void remember(String ref, int lines, String markup) {
    refLines.put(ref, lines);
    refTexts.put(ref, markup);
  }

  private int print(String text, List<Choice> choices) {
    out.println(text);
    int lines = (int) text.lines().count();
    if (!choices.isEmpty()) {
      out.println(renderer.choices(choices));
      lines++;
      latestChoices = choices;
    }
    return lines;
  }

  private void clearTyping() {
    if (typingShown) {
      out.print("\r\u001b[K");
      typingShown = false;
    }
  }

  private void saveFile(ConversationAddress to, SendFile file) {
    out.println(renderer.message(file.caption()));
    try {
      Files.createDirectories(fileDir);
      Path target =
          fileDir.resolve(to.userId().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + file.fileName());
      Files.write(target, file.content());
      out.println(ConsoleRenderer.INDENT + "[file saved: " + target + "]");
    } catch (IOException e) {
      out.println(
          ConsoleRenderer.INDENT
              + "[could not save "
              + file.fileName()
              + ": "
              + e.getMessage()
              + "]");
    }
  }
}
