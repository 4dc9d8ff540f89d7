package dev.netc.generator;

import dev.netc.grammar.model.Network;

/**
 * The Java source generated for one network.
 *
 * @param network the network it was generated from
 * @param qualifiedName the class's qualified name
 * @param relativePath where the file goes below an output folder ({@code com/acme/IrisNet.java})
 * @param javaSource the source text, ASCII, byte-for-byte the same for the same input
 */
public record GeneratedClass(
    Network network, String qualifiedName, String relativePath, String javaSource) {}
