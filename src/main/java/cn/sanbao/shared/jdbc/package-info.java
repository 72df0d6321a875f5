/**
 * Row mapping helpers for JdbcClient, shared by the modules' repositories.
 */
@org.springframework.modulith.NamedInterface("jdbc")
package cn.sanbao.shared.jdbc;
