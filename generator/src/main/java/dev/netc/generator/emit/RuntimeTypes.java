package dev.netc.generator.emit;

import com.palantir.javapoet.ClassName;

/**
 * Every runtime type the generated code names, in one place. The generator has no compile
 * dependency on the runtime; a test with the runtime on its classpath checks that each name
 * resolves.
 */
public final class RuntimeTypes {
  private RuntimeTypes() {}

  private static final String NETWORK = "dev.netc.runtime.network";
  private static final String INIT = "dev.netc.runtime.init";

  /** The interface every generated class implements. */
  public static final ClassName COMPILED_NETWORK = ClassName.get(NETWORK, "CompiledNetwork");

  /** What a class was generated from. */
  public static final ClassName NETWORK_SPEC = ClassName.get(NETWORK, "NetworkSpec");

  /** One layer of a {@link #NETWORK_SPEC}. */
  public static final ClassName LAYER_SPEC = NETWORK_SPEC.nestedClass("LayerSpec");

  public static final ClassName FEATURE_SPEC = NETWORK_SPEC.nestedClass("FeatureSpec");

  /** A live view of a parameter array. */
  public static final ClassName PARAMETER_TENSOR = ClassName.get(NETWORK, "ParameterTensor");

  /** Factories of {@link #PARAMETER_TENSOR} views. */
  public static final ClassName TENSORS = ClassName.get(NETWORK, "Tensors");

  /** Decoder of explicit weights packed into string constants. */
  public static final ClassName PACKED_VALUES = ClassName.get(NETWORK, "PackedValues");

  /** The init calls of the language. */
  public static final ClassName INITIALIZERS = ClassName.get(INIT, "Initializers");

  /** All of the above, for the test that checks they resolve. */
  public static final java.util.List<ClassName> ALL =
      java.util.List.of(
          COMPILED_NETWORK,
          NETWORK_SPEC,
          LAYER_SPEC,
          FEATURE_SPEC,
          PARAMETER_TENSOR,
          TENSORS,
          PACKED_VALUES,
          INITIALIZERS);
}
