package org.evenkeel.core.content;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test on a saved answer, written in content as {@code mood <= 2}, {@code answer == yes}, {@code
 * set(note)} or {@code empty(note)}.
 *
 * @param var the answer's name
 * @param op the comparison
 * @param operand what it is compared with (empty for {@code set} and {@code empty})
 */
public record Condition(String var, Op op, String operand) {

  private static final Pattern COMPARISON =
      Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*(<=|>=|==|!=|<|>)\\s*(\\S+)\\s*");
  private static final Pattern PRESENCE =
      Pattern.compile("\\s*(set|empty)\\(\\s*([a-z][a-z0-9_]*)\\s*\\)\\s*");

  /** Parses a condition, or returns empty when it is not one of the forms above. */
  public static Optional<Condition> parse(String text) {
    Matcher presence = PRESENCE.matcher(text);
    if (presence.matches()) {
      Op op = presence.group(1).equals("set") ? Op.SET : Op.EMPTY;
      return Optional.of(new Condition(presence.group(2), op, ""));
    }
    Matcher comparison = COMPARISON.matcher(text);
    if (comparison.matches()) {
      return Optional.of(
          new Condition(comparison.group(1), Op.of(comparison.group(2)), comparison.group(3)));
    }
    return Optional.empty();
  }

  /** Whether the condition holds for these answers. */
  public boolean test(Map<String, String> vars) {
    String value = vars.get(var);
    boolean present = value != null && !value.isBlank();
    switch (op) {
      case SET:
        return present;
      case EMPTY:
        return !present;
      default:
        break;
    }
    if (!present) {
      return false;
    }
    Optional<Double> left = number(value);
    Optional<Double> right = number(operand);
    int order =
        left.isPresent() && right.isPresent()
            ? Double.compare(left.get(), right.get())
            : value.compareToIgnoreCase(operand);
    return switch (op) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case EQ -> order == 0;
      case NE -> order != 0;
      case SET, EMPTY -> throw new IllegalStateException("handled above");
    };
  }

  private static Optional<Double> number(String text) {
    try {
      return Optional.of(Double.parseDouble(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return op == Op.SET || op == Op.EMPTY
        ? op.symbol + "(" + var + ")"
        : var + " " + op.symbol + " " + operand;
  }

  /** Comparison operators. */
  public enum Op {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("=="),
    NE("!="),
    SET("set"),
    EMPTY("empty");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    static Op of(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException("unknown operator '" + symbol + "'");
    }
  }
}
