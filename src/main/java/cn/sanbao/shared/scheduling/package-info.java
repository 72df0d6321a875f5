/**
 * Scheduled jobs that run on one node of a cluster only.
 */
@org.springframework.modulith.NamedInterface("scheduling")
package cn.sanbao.shared.scheduling;
