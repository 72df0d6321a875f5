/**
 * Running Sanbao as a service: readiness checks, the Prometheus metrics of the platform's own work
 * (imports, scoring runs, the outbox, sign-ins). Operators read docs/operations.md.
 */
package cn.sanbao.ops;
