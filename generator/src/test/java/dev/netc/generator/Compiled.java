package dev.netc.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.netc.grammar.model.Network;
import dev.netc.runtime.network.CompiledNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Generates, compiles (one javac call, {@code -Xlint:all -Werror}, no warnings allowed) and loads
 * the classes of several networks.
 */
final class Compiled extends ClassLoader {
  private final Map<String, byte[]> bytes = new LinkedHashMap<>();
  private final Map<String, GeneratedClass> generated = new LinkedHashMap<>();

  private Compiled() {
    super(Compiled.class.getClassLoader());
  }

  static Compiled of(Network... networks) {
    return of(List.of(networks));
  }

  static Compiled of(List<Network> networks) {
    List<GeneratedClass> classes = new ArrayList<>();
    for (Network network : networks) {
      classes.add(NetcCompiler.generate(network, ""));
    }
    return ofClasses(classes);
  }

  /** Compiles already generated classes, keyed by their network's name. */
  static Compiled ofClasses(List<GeneratedClass> classes) {
    Compiled compiled = new Compiled();
    List<JavaFileObject> sources = new ArrayList<>();
    for (GeneratedClass g : classes) {
      compiled.generated.put(g.network().name(), g);
      sources.add(JavaFileObjects.forSourceString(g.qualifiedName(), g.javaSource()));
    }
    Compilation compilation =
        Compiler.javac().withOptions("-Xlint:all", "-Werror").compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String name = file.getName();
      name = name.substring(name.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
      name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        compiled.bytes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return compiled;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] b = bytes.get(name);
    if (b == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, b, 0, b.length);
  }

  /** The generated source of network {@code name}. */
  GeneratedClass source(String name) {
    return generated.get(name);
  }

  /** Class file bytes by binary name. */
  Map<String, byte[]> classFiles() {
    return bytes;
  }

  /** The value of a private array field ({@code z1}, {@code delta2}) of a generated instance. */
  static double[] field(CompiledNetwork network, String name) {
    try {
      Field field = network.getClass().getDeclaredField(name);
      field.setAccessible(true);
      Object value = field.get(network);
      if (value instanceof float[] floats) {
        double[] doubles = new double[floats.length];
        for (int k = 0; k < floats.length; k++) {
          doubles[k] = floats[k];
        }
        return doubles;
      }
      return ((double[]) value).clone();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new instance of network {@code name}. */
  CompiledNetwork create(String name) {
    try {
      Class<?> type = loadClass(generated.get(name).qualifiedName());
      return (CompiledNetwork) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
