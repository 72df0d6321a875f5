/**
 * Web conventions every module shares: the JSON API marker and its errors, paging, screen texts, downloads.
 */
@org.springframework.modulith.NamedInterface("web")
package cn.sanbao.shared.web;
