package cn.sanbao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SanbaoApplication {
    public static void main(String[] args) {
        // "score …" is the command-line mode: plain Java, no web server, no database (docs/cli.md).
        if (args.length > 0 && args[0].equals("score")) {
            System.exit(cn.sanbao.cli.ScoreCommand.run(args, System.out, System.err));
        }
        // "recover-account …" resets a privileged account offline, audited (docs/security.md, 三员分立)
        if (args.length > 0 && args[0].equals("recover-account")) {
            System.exit(cn.sanbao.security.AccountRecoveryCommand.run(args, SanbaoApplication.class, System.out, System.err));
        }
        // "backup --to DIR" / "restore --from DIR": PostgreSQL logical backup, no web server (docs/operations-backup.md)
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(cn.sanbao.backup.BackupCommand.run(args, System.getenv(), System.out, System.err));
        }
        SpringApplication.run(SanbaoApplication.class, args);
    }
}
