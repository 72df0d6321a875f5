package cn.sanbao.intake;

/** The idempotency key was used before for a different request body (or by another user): 409. */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException(String message) { super(message); }
}
