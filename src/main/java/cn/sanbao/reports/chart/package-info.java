/**
 * Chart specifications and their rendering (ECharts option, PNG), reused by other report-like screens such as the portrait.
 */
@org.springframework.modulith.NamedInterface("chart")
package cn.sanbao.reports.chart;
