// CompactJson: its text of an object is QJsonDocument's compact text, byte for byte, for the
// tricky texts and numbers, shared stamps, nested values and random objects.
#include "compactjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

#include <limits>

namespace {
QByteArray qtText(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList trickyTexts()
{
    QStringList t{QString(),
                  QStringLiteral(""),
                  QStringLiteral("plain"),
                  QStringLiteral("say \"hi\""),
                  QStringLiteral("back\\slash"),
                  QStringLiteral("a/b"),
                  QStringLiteral("line\nbreak\ttab\rreturn\bback\fform"),
                  QStringLiteral("Đồng Hướng, Khánh Hải 1"),
                  QStringLiteral("\u2028 and \u2029"),
                  QStringLiteral("emoji \U0001F600 pair"),
                  QStringLiteral("\u00ff\u0100\u07ff\u0800\uffff"),
                  QStringLiteral("question? marks?"),
                  QStringLiteral("\ufffd replacement"),
                  QString(QChar(0x7f)) + QStringLiteral("del")};
    for (ushort c = 0; c < 0x20; ++c)
        t << QStringLiteral("ctl ") + QChar(c) + QStringLiteral(" end");
    // Half of a UTF-16 pair (Qt writes \uXXXX), alone, reversed, at either end.
    t << QString(QChar(0xd800)) << QStringLiteral("tr") + QChar(0xd800) + QStringLiteral("ng?")
      << QString(QChar(0xdc00)) + QChar(0xd800) << QStringLiteral("x") + QChar(0xdfff);
    return t;
}

QList<QJsonValue> trickyNumbers()
{
    return {0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            1.5,
            -2.25,
            1e21,
            1e-7,
            123456789012.0,
            9007199254740992.0,
            1.8446744073709552e19,
            -9.3e18,
            std::numeric_limits<double>::max(),
            std::numeric_limits<double>::min(),
            std::numeric_limits<double>::denorm_min(),
            std::numeric_limits<double>::infinity(),
            -std::numeric_limits<double>::infinity(),
            std::numeric_limits<double>::quiet_NaN(),
            QJsonValue(qint64(0)),
            QJsonValue(qint64(9007199254740993LL)),
            QJsonValue(std::numeric_limits<qint64>::max()),
            QJsonValue(std::numeric_limits<qint64>::min()),
            QJsonValue(1000000)};
}
} // namespace

class TestCompactJson : public QObject
{
    Q_OBJECT
private slots:
    void emptyObject() { QCOMPARE(CompactJson::object(QJsonObject()), qtText(QJsonObject())); }

    void trickyStringsAsValuesAndKeys()
    {
        for (const QString &s : trickyTexts()) {
            const QJsonObject o{{QStringLiteral("v"), s}, {s, QStringLiteral("as key")}};
            QCOMPARE(CompactJson::object(o), qtText(o));
        }
    }

    void numbers()
    {
        for (const QJsonValue &v : trickyNumbers()) {
            const QJsonObject o{{QStringLiteral("n"), v}};
            QCOMPARE(CompactJson::object(o), qtText(o));
        }
        // As Qt's reader makes them of text.
        const QJsonObject read =
            QJsonDocument::fromJson("{\"a\":-0,\"b\":-0.0,\"c\":1.0,\"d\":1e2,\"e\":1E300,"
                                    "\"f\":18446744073709551615,\"g\":0.30000000000000004,"
                                    "\"h\":123456789012345678901234567890,\"i\":5e-324}")
                .object();
        QCOMPARE(read.size(), 9);
        QCOMPARE(CompactJson::object(read), qtText(read));
    }

    void otherValues()
    {
        const QJsonObject o{
            {QStringLiteral("t"), true},
            {QStringLiteral("f"), false},
            {QStringLiteral("z"), QJsonValue::Null},
            {QStringLiteral("a"), QJsonArray{}},
            {QStringLiteral("b"), QJsonArray{1, QStringLiteral("x\"y"), QJsonArray{2.5}}},
            {QStringLiteral("o"), QJsonObject{{QStringLiteral("k\n"), 1}}},
            {QStringLiteral("e"), QJsonObject{}}};
        QCOMPARE(CompactJson::object(o), qtText(o));
    }

    void sharedStampsAndDifferentOnes()
    {
        // field_meta of a new row: every field the same [seq, device]; then an edited row's.
        const QJsonValue stamp = QJsonArray{double(4711), QStringLiteral("dev\"ice")};
        QJsonObject meta;
        for (const char *f : {"a", "b", "c", "d"})
            meta.insert(QLatin1String(f), stamp);
        QCOMPARE(CompactJson::object(meta), qtText(meta));
        meta.insert(QStringLiteral("b"), QJsonArray{double(12), QStringLiteral("other")});
        meta.insert(QStringLiteral("bb"), QJsonArray{double(12), QStringLiteral("other")});
        meta.insert(QStringLiteral("bc"), QJsonArray{double(13), QStringLiteral("other")});
        QCOMPARE(CompactJson::object(meta), qtText(meta));
    }

    void randomObjects()
    {
        QRandomGenerator rng(20261121);
        const QStringList texts = trickyTexts();
        const QList<QJsonValue> numbers = trickyNumbers();
        for (int n = 0; n < 2000; ++n) {
            QJsonObject o;
            const int members = int(rng.bounded(12));
            for (int m = 0; m < members; ++m) {
                QString key;
                QString text;
                for (int k = int(rng.bounded(6)); k > 0; --k) {
                    // Characters from every range Qt's writer treats its own way.
                    static const ushort picks[] = {
                        0x00,   0x01,   0x08,   0x09,   0x0a,   0x1f,   0x20,  0x22,  0x2f,
                        0x3f,   0x41,   0x5c,   0x7e,   0x7f,   0x80,   0xe9,  0x7ff, 0x800,
                        0x2028, 0xd7ff, 0xd83d, 0xde00, 0xe000, 0xfffd, 0xffff};
                    text += QChar(picks[rng.bounded(int(std::size(picks)))]);
                    key += QChar(picks[rng.bounded(int(std::size(picks)))]);
                }
                QJsonValue v;
                switch (rng.bounded(6)) {
                case 0:
                    v = text;
                    break;
                case 1:
                    v = texts.at(int(rng.bounded(int(texts.size()))));
                    break;
                case 2:
                    v = numbers.at(int(rng.bounded(int(numbers.size()))));
                    break;
                case 3:
                    v = rng.generateDouble() * std::pow(10.0, int(rng.bounded(40)) - 20);
                    break;
                case 4:
                    v = QJsonValue(qint64(rng.generate64()));
                    break;
                default:
                    v = QJsonArray{double(rng.bounded(1000000)), text};
                }
                o.insert(key, v);
            }
            QCOMPARE(CompactJson::object(o), qtText(o));
        }
    }
};

QTEST_APPLESS_MAIN(TestCompactJson)
#include "tst_compactjson.moc"
