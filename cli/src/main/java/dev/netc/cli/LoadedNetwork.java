package dev.netc.cli;

import dev.netc.generator.GeneratedClass;
import dev.netc.grammar.model.Network;
import dev.netc.runtime.network.CompiledNetwork;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One network of a {@code .nn} file, compiled in process and loaded: its checked model and a way to
 * make instances of its generated class.
 *
 * @param model the checked network
 * @param generated its generated source
 * @param type the loaded class
 */
record LoadedNetwork(
    Network model, GeneratedClass generated, Class<? extends CompiledNetwork> type) {

  /** Compiles {@code file}, picks the network ({@code --network}), compiles its Java in memory. */
  static LoadedNetwork load(Path file, Optional<String> networkName, PrintWriter err) {
    GeneratedClass generated = Compilation.compileOne(file, networkName, err);
    ClassLoader loader = InMemoryJavaCompiler.compile(List.of(generated));
    try {
      Class<?> type = Class.forName(generated.qualifiedName(), true, loader);
      return new LoadedNetwork(
          generated.network(), generated, type.asSubclass(CompiledNetwork.class));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "generated class " + generated.qualifiedName() + " was not compiled", e);
    }
  }

  /** A new instance, initialised from the file (explicit weights or its {@code init}). */
  CompiledNetwork newInstance() {
    try {
      return type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "constructor of " + type.getName() + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "generated class " + type.getName() + " has no public no-argument constructor", e);
    }
  }
}
