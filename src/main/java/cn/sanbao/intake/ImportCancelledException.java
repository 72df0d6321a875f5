package cn.sanbao.intake;

/** A running import was cancelled by an analyst or by its time limit; its transaction rolls back. */
public class ImportCancelledException extends RuntimeException {

    public ImportCancelledException(String reason) {
        super(reason);
    }
}
