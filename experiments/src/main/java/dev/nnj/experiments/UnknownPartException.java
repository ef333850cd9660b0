package dev.nnj.experiments;

import java.util.Collection;
import java.util.TreeSet;

/**
 * A name that nothing is bound under, in code ({@link Registry#activation} …) or in JSON: says the
 * family, the name and the names that are bound, so that a caller can add advice of its own (the
 * command line says how to load plugins) without reading the message.
 */
public final class UnknownPartException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String family;
  private final String name;

  /** {@code name} is not bound in {@code family}; {@code known} are the names that are. */
  public UnknownPartException(String family, String name, Collection<String> known) {
    super("unknown " + family + " '" + name + "'; known: " + String.join(", ", new TreeSet<>(known)));
    this.family = family;
    this.name = name;
  }

  /** The family, e.g. {@code "activation"}. */
  public String family() {
    return family;
  }

  /** The name nothing is bound under. */
  public String name() {
    return name;
  }
}
