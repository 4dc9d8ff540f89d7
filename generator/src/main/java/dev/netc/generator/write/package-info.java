/**
 * The write stage: generated sources to files, only where the bytes differ. The one stage of the
 * generator module that does I/O; depends on the JDK only.
 */
package dev.netc.generator.write;
