package org.evenkeel.core.effect;

import static org.evenkeel.core.text.Checks.requireValue;

import org.evenkeel.core.text.FormattedText;

/**
 * Send the member a file with everything stored about them. The dispatcher reads the stores after
 * the commit (the engine does no I/O) and the adapter sends the file privately.
 */
public record SendExport(FormattedText caption) implements Effect {

  public SendExport {
    requireValue(caption, "caption");
  }
}
