package dev.netc.grammar.model;

import java.util.List;
import java.util.Optional;

/**
 * A checked {@code .nn} file: its optional package and its networks, in file order.
 *
 * @param sourceName the file, as named to the compiler
 * @param packageName the {@code package} declaration, if any
 * @param networks at least one network
 */
public record NetworkFile(String sourceName, Optional<String> packageName, List<Network> networks) {

  public NetworkFile {
    networks = List.copyOf(networks);
  }

  /** The network called {@code name}, if there is one. */
  public Optional<Network> network(String name) {
    return networks.stream().filter(n -> n.name().equals(name)).findFirst();
  }
}
