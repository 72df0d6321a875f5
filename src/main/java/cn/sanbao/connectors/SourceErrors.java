package cn.sanbao.connectors;

/** A source database's error as a short reason: the driver's message, first line, bounded; never the connection secrets. */
final class SourceErrors {

    private SourceErrors() {
    }

    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t instanceof org.springframework.dao.DataAccessException) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return ConnectorRepository.cut(nl > 0 ? m.substring(0, nl) : m, 300);
    }
}
