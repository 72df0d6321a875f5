package cn.sanbao.audit;

/**
 * Result of verifying the audit chain. {@code brokenId} is the first record whose stored hash or link
 * does not match (null when the chain is intact); {@code reason} says why in Chinese.
 */
public record ChainCheck(long checked, long unchained, Long brokenId, String reason) {

    public boolean intact() {
        return brokenId == null && reason == null;
    }
}
