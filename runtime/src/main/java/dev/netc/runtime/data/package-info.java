/**
 * Data for training and prediction: the {@link dev.netc.runtime.data.Dataset} type, loaders for
 * CSV, IDX (MNIST), LibSVM and ARFF files, feature scaling, and splits; for raw tables (categorical
 * columns, missing values) the {@link dev.netc.runtime.data.RawTable} of text values and the {@link
 * dev.netc.runtime.data.Preprocessor} that encodes its rows, at training and at serving time. Bad
 * data raises {@link dev.netc.runtime.data.DataException} with the file, line and column. Depends
 * on the JDK, Apache Commons CSV and {@code init}'s {@link dev.netc.runtime.init.NetcRandom} (for
 * reproducible shuffles); knows nothing of networks.
 */
package dev.netc.runtime.data;
