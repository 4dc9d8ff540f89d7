package dev.netc.cli.report;

import dev.netc.runtime.network.NetworkSpec;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders a {@link ReportData} as one self-contained HTML page: the charts are XChart PNGs embedded
 * as base64 {@code data:} URLs, the styles are inline, nothing is fetched when the page is viewed.
 */
public final class HtmlReport {
  /** Cells per side of the decision-region grid. */
  static final int GRID = 60;

  private static final Color[] STRONG = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  private HtmlReport() {}

  /** The report as HTML text. Needs no display (charts render with AWT in headless mode). */
  public static String render(ReportData data) {
    System.setProperty("java.awt.headless", "true");
    StringBuilder html = new StringBuilder();
    NetworkSpec spec = data.spec();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>netc report: ")
        .append(escape(spec.name()))
        .append("</title>\n")
        .append("<style>\n")
        .append("body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}\n")
        .append("table{border-collapse:collapse;margin:0.5em 0}\n")
        .append("td,th{border:1px solid #bbb;padding:0.25em 0.6em;text-align:right}\n")
        .append("th{background:#eee}\n")
        .append("pre{background:#f6f6f6;padding:0.8em;overflow-x:auto}\n")
        .append("img{max-width:100%;border:1px solid #ddd}\n")
        .append("</style>\n</head>\n<body>\n");
    html.append("<h1>")
        .append(escape(spec.name()))
        .append("</h1>\n")
        .append("<p>Trained by netc from <code>")
        .append(escape(data.sourceFile()))
        .append("</code>.</p>\n");

    html.append("<h2 id=\"network\">Network</h2>\n");
    html.append("<p><code>")
        .append(escape(spec.topology()))
        .append("</code>, loss <code>")
        .append(escape(spec.loss()))
        .append("</code>, optimizer <code>")
        .append(escape(spec.optimizer()))
        .append("</code>, precision <code>")
        .append(escape(spec.precision()))
        .append("</code>, ")
        .append(String.format(Locale.ROOT, "%,d", spec.parameterCount()))
        .append(" parameters.</p>\n");
    html.append("<table>\n<tr><th>layer</th><th>name</th><th>units</th><th>activation</th>")
        .append("<th>weights</th><th>biases</th></tr>\n");
    int below = spec.inputSize();
    html.append("<tr><td>0</td><td>input</td><td>")
        .append(below)
        .append("</td><td></td><td></td><td></td></tr>\n");
    int number = 1;
    for (NetworkSpec.LayerSpec layer : spec.layers()) {
      html.append("<tr><td>")
          .append(number++)
          .append("</td><td>")
          .append(escape(layer.name()))
          .append("</td><td>")
          .append(layer.units())
          .append("</td><td>")
          .append(escape(layer.activation()))
          .append(
              Double.isNaN(layer.activationParameter())
                  ? ""
                  : "(" + layer.activationParameter() + ")")
          .append("</td><td>")
          .append((long) layer.units() * below)
          .append("</td><td>")
          .append(layer.units())
          .append("</td></tr>\n");
      below = layer.units();
    }
    html.append("</table>\n");
    html.append("<h3>Training settings</h3>\n<pre>");
    for (String setting : data.settings()) {
      html.append(escape(setting)).append('\n');
    }
    html.append("</pre>\n");

    html.append("<h2 id=\"curves\">Training curves</h2>\n");
    html.append(image("loss", lossChart(data.epochs())));
    if (data.epochs().stream()
        .anyMatch(e -> !Double.isNaN(e.trainAccuracy()) || !Double.isNaN(e.validationAccuracy()))) {
      html.append(image("accuracy", accuracyChart(data.epochs())));
    }

    html.append("<h2 id=\"metrics\">Final metrics</h2>\n<p>On the ")
        .append(escape(data.metricsTitle()))
        .append(".</p>\n<pre>")
        .append(escape(data.metricsText()))
        .append("</pre>\n");
    data.confusion().ifPresent(c -> html.append(confusionTable(c)));
    data.regions()
        .ifPresent(
            r ->
                html.append("<h2 id=\"regions\">Decision regions</h2>\n")
                    .append(
                        "<p>The class the trained network predicts at each point of the plane of its two"
                            + " inputs (shaded), with the training points on top.</p>\n")
                    .append(image("decision regions", regionsChart(r))));
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private static XYChart lossChart(List<CurvePoint> epochs) {
    XYChart chart = curveChart("Loss per epoch (mean per example)", "loss");
    addCurve(chart, "training loss", epochs, CurvePoint::trainLoss);
    addCurve(chart, "validation loss", epochs, CurvePoint::validationLoss);
    return chart;
  }

  private static XYChart accuracyChart(List<CurvePoint> epochs) {
    XYChart chart = curveChart("Accuracy per epoch", "accuracy");
    addCurve(chart, "training accuracy", epochs, CurvePoint::trainAccuracy);
    addCurve(chart, "validation accuracy", epochs, CurvePoint::validationAccuracy);
    return chart;
  }

  private static XYChart curveChart(String title, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(400)
            .title(title)
            .xAxisTitle("epoch")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisDecimalPattern("#");
    chart.getStyler().setXAxisMaxLabelCount(20);
    return chart;
  }

  private interface Value {
    double of(CurvePoint stats);
  }

  private static void addCurve(XYChart chart, String name, List<CurvePoint> epochs, Value value) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (CurvePoint stats : epochs) {
      double y = value.of(stats);
      if (Double.isFinite(y)) {
        xs.add((double) stats.epoch());
        ys.add(y);
      }
    }
    if (!xs.isEmpty()) {
      XYSeries series = chart.addSeries(name, xs, ys);
      series.setMarker(xs.size() > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    }
  }

  private static XYChart regionsChart(ReportData.DecisionRegions regions) {
    double[][] points = regions.points();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[] p : points) {
      minX = Math.min(minX, p[0]);
      maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
    }
    double padX = Math.max((maxX - minX) * 0.08, 1e-6);
    double padY = Math.max((maxY - minY) * 0.08, 1e-6);
    minX -= padX;
    maxX += padX;
    minY -= padY;
    maxY += padY;
    int classes = regions.classNames().size();
    List<List<Double>> cellX = new ArrayList<>();
    List<List<Double>> cellY = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      cellX.add(new ArrayList<>());
      cellY.add(new ArrayList<>());
    }
    for (int i = 0; i < GRID; i++) {
      for (int j = 0; j < GRID; j++) {
        double x = minX + (i + 0.5) * (maxX - minX) / GRID;
        double y = minY + (j + 0.5) * (maxY - minY) / GRID;
        int c = regions.classifier().classify(x, y);
        if (c >= 0 && c < classes) {
          cellX.get(c).add(x);
          cellY.get(c).add(y);
        }
      }
    }
    XYChart chart =
        new XYChartBuilder()
            .width(700)
            .height(700)
            .title("Decision regions")
            .xAxisTitle(regions.featureNames().get(0))
            .yAxisTitle(regions.featureNames().get(1))
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    // One marker size for the chart: squares a grid cell wide tile the plane (plot ~600 px).
    chart.getStyler().setMarkerSize(Math.max(4, 600 / GRID));
    chart.getStyler().setXAxisMin(minX);
    chart.getStyler().setXAxisMax(maxX);
    chart.getStyler().setYAxisMin(minY);
    chart.getStyler().setYAxisMax(maxY);
    for (int c = 0; c < classes; c++) {
      if (!cellX.get(c).isEmpty()) {
        XYSeries series =
            chart.addSeries("region " + regions.classNames().get(c), cellX.get(c), cellY.get(c));
        series.setMarker(SeriesMarkers.SQUARE);
        series.setMarkerColor(pale(STRONG[c % STRONG.length]));
        series.setShowInLegend(false);
      }
    }
    for (int c = 0; c < classes; c++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < points.length; i++) {
        if (regions.labels()[i] == c) {
          xs.add(points[i][0]);
          ys.add(points[i][1]);
        }
      }
      if (!xs.isEmpty()) {
        XYSeries series = chart.addSeries("class " + regions.classNames().get(c), xs, ys);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(STRONG[c % STRONG.length]);
      }
    }
    return chart;
  }

  private static Color pale(Color color) {
    return new Color(
        (color.getRed() + 3 * 255) / 4,
        (color.getGreen() + 3 * 255) / 4,
        (color.getBlue() + 3 * 255) / 4);
  }

  private static String confusionTable(ReportData.Confusion confusion) {
    List<String> names = confusion.classNames();
    StringBuilder html =
        new StringBuilder("<h3>Confusion matrix</h3>\n")
            .append("<p>Rows: actual class; columns: predicted class.</p>\n<table>\n<tr><th></th>");
    for (String name : names) {
      html.append("<th>").append(escape(name)).append("</th>");
    }
    html.append("</tr>\n");
    int max = 1;
    for (int[] row : confusion.counts()) {
      for (int n : row) {
        max = Math.max(max, n);
      }
    }
    for (int a = 0; a < names.size(); a++) {
      html.append("<tr><th>").append(escape(names.get(a))).append("</th>");
      for (int p = 0; p < names.size(); p++) {
        int n = confusion.counts()[a][p];
        int shade = 255 - (int) Math.round(120.0 * n / max);
        String color =
            a == p
                ? String.format(Locale.ROOT, "#%02x%02xff", shade, shade)
                : n == 0 ? "#ffffff" : String.format(Locale.ROOT, "#ff%02x%02x", shade, shade);
        html.append("<td style=\"background:")
            .append(color)
            .append("\">")
            .append(n)
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  private static String image(String alt, Chart<?, ?> chart) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", bytes);
      byte[] png = bytes.toByteArray();
      return "<p><img class=\"chart\" alt=\""
          + escape(alt)
          + "\" src=\"data:image/png;base64,"
          + Base64.getEncoder().encodeToString(png)
          + "\"></p>\n";
    } catch (IOException e) {
      throw new IllegalStateException("could not render the " + alt + " chart", e);
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
