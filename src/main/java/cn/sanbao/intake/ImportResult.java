package cn.sanbao.intake;

/**
 * Outcome of an accepted file or push: either a new revision with its diff, or the earlier revision an
 * identical upload matched (then nothing was stored). scoringNote tells what became of a re-scoring request;
 * scoringRunId stays empty (kept for API clients): the run starts only after the commit (monitoring, via an event).
 */
public record ImportResult(Long revisionId, Long duplicateOf, String period, int values,
                           RevisionDiff.Result diff, Long scoringRunId, String scoringNote) {

    public boolean duplicate() { return duplicateOf != null; }

    public String message() {
        return duplicate()
                ? "与已导入的数据修订 #" + duplicateOf + " 内容完全相同，未重复保存"
                : "已保存为数据修订 #" + revisionId + "，共 " + values + " 个数值";
    }
}
