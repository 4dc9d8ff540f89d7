/**
 * Generated netc networks as Apache Spark ML stages: {@link dev.netc.spark.NetcModel} scores a
 * DataFrame, {@link dev.netc.spark.NetcEstimator} trains data-parallel, {@link
 * dev.netc.spark.NetcUdf} registers a network as a SQL function. Depends on the runtime and on
 * Spark (provided by the cluster); the runtime never depends on this package.
 */
package dev.netc.spark;
