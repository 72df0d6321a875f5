/**
 * Reading and validating a scoring model file; what modules that load models (monitoring, models, cli) use.
 */
@org.springframework.modulith.NamedInterface("load")
package cn.sanbao.engine.load;
