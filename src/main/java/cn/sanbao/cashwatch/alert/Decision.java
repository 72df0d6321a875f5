package cn.sanbao.cashwatch.alert;

/** What a policy decided and why, in words an official reads in the alert list and the log. */
record Decision(boolean act, String reason) {

    static Decision yes(String reason) {
        return new Decision(true, reason);
    }

    static Decision no(String reason) {
        return new Decision(false, reason);
    }
}
