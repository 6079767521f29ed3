// Helper process for tst_crashsafety: saves inspections as fast as it can into the given
// database and prints "S <id>" after each submit has committed. It is killed with SIGKILL.
#include "database.h"
#include "inspectionmanager.h"
#include "sqlscript.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    Database db;
    const CoreError e = db.open(QString::fromLocal8Bit(argv[1]));
    if (e.failed()) {
        QTextStream(stderr) << e.message() << '\n';
        return 1;
    }
    if (QString::fromLatin1(argv[2]) == QLatin1String("init")) {
        QSqlDatabase c = db.connection();
        return SqlScript::runFile(c, QStringLiteral(CCN_FIXTURES_DIR "/core/minimal.sql")).ok() ? 0
                                                                                                : 1;
    }
    InspectionManager m(db.connection());
    QTextStream out(stdout);
    const QString cluster = QStringLiteral("01900000-0000-7000-8000-000000000101");
    const QString tpl = QStringLiteral("01900000-0000-7000-8000-000000000301");
    for (int i = 0;; ++i) {
        QString id;
        if (m.start(cluster, QStringLiteral("periodic"), tpl, QStringLiteral("Lê Hoàng Dũng"), {},
                    &id)
                .failed())
            return 1;
        m.setAnswer(id, QStringLiteral("01900000-0000-7000-8000-000000000501"),
                    QStringLiteral("yes"));
        m.setAnswer(id, QStringLiteral("01900000-0000-7000-8000-000000000502"),
                    QString::number(100 + i));
        m.setAnswer(id, QStringLiteral("01900000-0000-7000-8000-000000000503"),
                    QStringLiteral("15"));
        m.setFindings(id, QStringLiteral("Lần %1").arg(i), QString());
        const CoreError s = m.submit(id);
        if (s.failed()) {
            QTextStream(stderr) << s.message() << '\n';
            return 1;
        }
        out << "S " << id << '\n';
        out.flush();
    }
}
