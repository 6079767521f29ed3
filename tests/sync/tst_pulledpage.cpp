// PulledPage: a pull page's JSON text -> its values, read by simdjson, meaning what Qt's
// QJsonDocument made of them (fixture tests/fixtures/sync/pulled_page_texts.json: plain pages,
// escapes, numbers of every form, nested values, odd and broken texts, what strict JSON refuses).
#include "pulledpage.h"
#include "synctestutil.h"

using namespace synctest;

namespace {
QString describe(const PulledPage &page, const PulledPage::Value &v)
{
    return QStringLiteral("type %1 bool %2 integral %3 integer %4 number %5 text %6[%7]")
        .arg(int(v.type))
        .arg(v.boolean)
        .arg(v.integral)
        .arg(v.integer)
        .arg(QString::number(v.number, 'g', 17), v.utf8 ? QStringLiteral("utf8") : QString(),
             page.toString(v));
}

// Every value of the page, in page order, as text to compare.
QStringList values(const PulledPage &page)
{
    QStringList out{describe(page, page.protocol()), describe(page, page.next()),
                    describe(page, page.more()), QString::number(int(page.runsType()))};
    for (const PulledPage::Run &run : page.runs()) {
        out << QStringLiteral("run %1 columns %2/%3 rows %4/%5")
                   .arg(int(run.type))
                   .arg(int(run.columnsType))
                   .arg(run.columnCount)
                   .arg(int(run.rowsType))
                   .arg(run.rowCount)
            << describe(page, run.entity);
        for (int i = 0; i < run.columnCount; ++i)
            out << describe(page, page.value(run.firstColumn + i));
        for (int i = 0; i < run.rowCount; ++i) {
            const PulledPage::Row &row = page.row(run.firstRow + i);
            out << QStringLiteral("row %1 of %2").arg(int(row.type)).arg(row.size);
            for (int k = 0; k < row.size; ++k)
                out << describe(page, page.at(row, k));
        }
    }
    return out;
}

PulledPage::Error errorNamed(const QString &name)
{
    static const QHash<QString, PulledPage::Error> errors{
        {"None", PulledPage::Error::None},        {"Empty", PulledPage::Error::Empty},
        {"NotUtf8", PulledPage::Error::NotUtf8},  {"NotJson", PulledPage::Error::NotJson},
        {"TooDeep", PulledPage::Error::TooDeep},  {"NotAnObject", PulledPage::Error::NotAnObject},
        {"TooLarge", PulledPage::Error::TooLarge}};
    if (!errors.contains(name))
        qFatal("no PulledPage::Error named '%s'", qPrintable(name));
    return errors.value(name);
}

QByteArray pageText(int first, const QString &name)
{
    return QStringLiteral("{\"protocol\":2,\"next\":%1,\"more\":false,\"runs\":[{\"entity\":"
                          "\"answers\",\"columns\":[\"id\",\"name\"],\"rows\":[[%1,0,\"a%1\","
                          "\"%2\"]]}]}")
        .arg(first)
        .arg(name)
        .toUtf8();
}
} // namespace

class TestPulledPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void read_data()
    {
        QVERIFY(addFixtureCases(QStringLiteral("sync/pulled_page_texts.json")) > 0);
    }

    void read()
    {
        QFETCH(QJsonObject, fixture);
        const QByteArray text =
            fixture.contains("hex")
                ? QByteArray::fromHex(fixture.value("hex").toString().toLatin1())
                : fixture.value("text").toString().toUtf8();
        const bool valid = fixture.value("valid").toBool();
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
        const bool qtValid = pe.error == QJsonParseError::NoError && doc.isObject();
        QCOMPARE(qtValid, fixture.value("qt_valid").toBool(valid)); // the fixture says true

        PulledPage page;
        QCOMPARE(page.read(text), valid);
        if (!valid) {
            QCOMPARE(page.error(), errorNamed(fixture.value("error").toString()));
            QVERIFY(!page.errorMessage().isEmpty());
            QVERIFY(page.runs().empty());
            QCOMPARE(page.protocol().type, PulledPage::Type::Missing);
            QCOMPARE(page.runsType(), PulledPage::Type::Missing);
            return;
        }
        QCOMPARE(page.error(), PulledPage::Error::None);
        QVERIFY(page.errorMessage().isEmpty());
        QCOMPARE(page.readByQt(), fixture.value("qt").toBool(false));
        QCOMPARE(values(page), values(PulledPage::fromObject(doc.object())));
    }

    // Values do not point into the text read, and a moved page keeps them.
    void valuesOutliveTheText()
    {
        PulledPage page;
        {
            QByteArray text("{\"protocol\":2,\"next\":1,\"more\":false,\"runs\":[{\"entity\":"
                            "\"answers\",\"columns\":[\"id\"],\"rows\":[[1,0,\"Đồng\\n\"]]}]}");
            QVERIFY(page.read(text));
            text.fill('x');
        }
        const PulledPage moved = std::move(page);
        const PulledPage::Value &id = moved.at(moved.row(0), 2);
        QVERIFY(id.utf8);
        QCOMPARE(moved.toString(id), QStringLiteral("Đồng\n"));
        QCOMPARE(moved.toUtf8(id), QStringLiteral("Đồng\n").toUtf8());
    }

    // Each value of a row as Qt holds JSON: the number 2^53 + 1 exactly, an array whole.
    void valuesAsQtJson()
    {
        PulledPage page;
        QVERIFY(
            page.read("{\"protocol\":2,\"next\":1,\"more\":false,\"runs\":[{\"entity\":"
                      "\"t\",\"columns\":[\"id\",\"n\",\"x\",\"b\",\"z\",\"a\"],"
                      "\"rows\":[[1,0,\"Đồng\",9007199254740993,1.5,true,null,[1,\"hai\"]]]}]}"));
        const PulledPage::Row &row = page.row(0);
        QCOMPARE(page.toJson(page.at(row, 2)), QJsonValue(QStringLiteral("Đồng")));
        QCOMPARE(page.toJson(page.at(row, 3)), QJsonValue(qint64(9007199254740993)));
        QCOMPARE(page.toJson(page.at(row, 4)), QJsonValue(1.5));
        QCOMPARE(page.toJson(page.at(row, 5)), QJsonValue(true));
        QCOMPARE(page.toJson(page.at(row, 6)), QJsonValue(QJsonValue::Null));
        QCOMPARE(page.toJson(page.at(row, 7)), QJsonValue(QJsonArray{1, QStringLiteral("hai")}));
        QCOMPARE(page.toJson(PulledPage::Value()), QJsonValue(QJsonValue::Null)); // missing
    }

    // One PulledPage reads page after page: each read replaces the page before, a refused text
    // leaves nothing of it, and the next good text reads as a fresh object would.
    void readsLastSeq()
    {
        PulledPage page;
        QByteArray text = pageText(5, QStringLiteral("năm"));
        QVERIFY(text.startsWith('{'));
        QVERIFY(page.read(text));
        QCOMPARE(page.lastSeq().type, PulledPage::Type::Missing); // optional
        text.insert(1, "\"last_seq\":77,");
        QVERIFY(page.read(text));
        QCOMPARE(page.lastSeq().toInteger(), 77);
        QCOMPARE(
            PulledPage::fromObject(QJsonDocument::fromJson(text).object()).lastSeq().toInteger(),
            77);
        QVERIFY(page.read(pageText(6, QStringLiteral("sáu"))));
        QCOMPARE(page.lastSeq().type, PulledPage::Type::Missing); // not kept from the page before
    }

    // The registry's epoch and the sequence it began at: optional, read by both readers, not
    // kept from one page to the next.
    void readsEpoch()
    {
        PulledPage page;
        QByteArray text = pageText(5, QStringLiteral("năm"));
        QVERIFY(page.read(text));
        QCOMPARE(page.epoch().type, PulledPage::Type::Missing);
        QCOMPARE(page.epochSeq().type, PulledPage::Type::Missing);
        text.insert(1, "\"epoch\":\"0194e2b1-kỷ-nguyên\",\"epoch_seq\":1234,");
        const auto check = [](const PulledPage &p) {
            QCOMPARE(p.epoch().type, PulledPage::Type::String);
            QCOMPARE(p.toString(p.epoch()), QStringLiteral("0194e2b1-kỷ-nguyên"));
            QCOMPARE(p.epochSeq().toInteger(), 1234);
        };
        check(PulledPage::fromObject(QJsonDocument::fromJson(text).object()));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(page.read(text));
        check(page);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(page.read(pageText(6, QStringLiteral("sáu"))));
        QCOMPARE(page.epoch().type, PulledPage::Type::Missing);
    }

    void readsPageAfterPage()
    {
        PulledPage page;
        QVERIFY(page.read(pageText(1, QStringLiteral("một"))));
        QCOMPARE(page.runs().size(), size_t(1));
        QVERIFY(page.read(pageText(22, QStringLiteral("hai"))));
        QCOMPARE(page.runs().size(), size_t(1));
        QCOMPARE(page.next().toInteger(), 22);
        QCOMPARE(page.toString(page.at(page.row(0), 3)), QStringLiteral("hai"));
        QCOMPARE(values(page), values(PulledPage::fromObject(
                                   QJsonDocument::fromJson(pageText(22, "hai")).object())));

        QVERIFY(!page.read(pageText(3, QStringLiteral("ba")).chopped(1)));
        QCOMPARE(page.error(), PulledPage::Error::NotJson);
        QVERIFY(page.runs().empty());
        QCOMPARE(page.next().type, PulledPage::Type::Missing);

        QVERIFY(page.read(pageText(4, QStringLiteral("bốn"))));
        QCOMPARE(page.error(), PulledPage::Error::None);
        QVERIFY(page.errorMessage().isEmpty());
        QCOMPARE(values(page), values(PulledPage::fromObject(
                                   QJsonDocument::fromJson(pageText(4, "bốn")).object())));
    }
};

QTEST_GUILESS_MAIN(TestPulledPage)
#include "tst_pulledpage.moc"
