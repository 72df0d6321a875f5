package cn.sanbao.facts;

/**
 * Event: a fact revision was committed (file, push, payment detail, connector, demand, demo). Published in the
 * storing transaction, so it exists exactly when the revision does (Spring Modulith's publication registry).
 *
 * @param rescorePeriod the period whose monitoring the person who stored it asked to re-run, or null
 */
public record FactRevisionStored(long revisionId, String source, String storedBy, String rescorePeriod) {

    public boolean rescoreRequested() { return rescorePeriod != null; }
}
