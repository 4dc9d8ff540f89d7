/**
 * Models in and out of netc. Depends on the grammar's model (and its printer) and on
 * protobuf-java's wire format only; never on the runtime or the generator, and nothing of
 * netc-runtime depends on it.
 */
package dev.netc.interchange;
