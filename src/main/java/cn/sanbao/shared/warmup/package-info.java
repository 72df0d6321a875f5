/**
 * Caches filled before an instance takes traffic (docs/operations.md "实例").
 */
@org.springframework.modulith.NamedInterface("warmup")
package cn.sanbao.shared.warmup;
