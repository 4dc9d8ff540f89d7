package dev.netc.grammar.model;

import java.util.List;
import java.util.Optional;

/**
 * A checked {@code .nn} file: its optional package, its networks and its declared activations, in
 * file order.
 *
 * @param sourceName the file, as named to the compiler
 * @param packageName the {@code package} declaration, if any
 * @param networks at least one network
 * @param activations the {@code activation} declarations, with their derivatives
 */
public record NetworkFile(
    String sourceName,
    Optional<String> packageName,
    List<Network> networks,
    List<DeclaredActivation> activations) {

  public NetworkFile {
    networks = List.copyOf(networks);
    activations = List.copyOf(activations);
  }

  /** A file without declared activations. */
  public NetworkFile(String sourceName, Optional<String> packageName, List<Network> networks) {
    this(sourceName, packageName, networks, List.of());
  }

  /** The network called {@code name}, if there is one. */
  public Optional<Network> network(String name) {
    return networks.stream().filter(n -> n.name().equals(name)).findFirst();
  }
}
