/**
 * Tables written to xlsx/csv and read back in bounded streams; used by every module that offers a download or an upload.
 */
@org.springframework.modulith.NamedInterface("table")
package cn.sanbao.shared.table;
