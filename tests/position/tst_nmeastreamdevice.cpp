#include "nmeastreamdevice.h"

#include <QSignalSpy>
#include <QtTest>

class TestNmeaStreamDevice : public QObject
{
    Q_OBJECT
private slots:
    void pipe()
    {
        NmeaStreamDevice device;
        QVERIFY(device.isOpen());
        QVERIFY(device.isSequential());
        QSignalSpy ready(&device, &QIODevice::readyRead);
        QCOMPARE(device.bytesAvailable(), 0);
        QVERIFY(!device.canReadLine());

        device.push("$GPRMC,1\r\n$GPG");
        QCOMPARE(ready.count(), 1);
        QCOMPARE(device.bytesAvailable(), 14);
        QVERIFY(device.canReadLine());
        QCOMPARE(device.readLine(), QByteArray("$GPRMC,1\r\n"));
        QVERIFY(!device.canReadLine()); // half a sentence waits for the rest
        device.push("GA,2\r\n");
        QCOMPARE(ready.count(), 2);
        QVERIFY(device.canReadLine());
        char buf[64];
        const qint64 n = device.readLine(buf, sizeof(buf));
        QCOMPARE(QByteArray(buf, int(n)), QByteArray("$GPGGA,2\r\n"));
        QCOMPARE(device.bytesAvailable(), 0);
        device.push(QByteArray());
        QCOMPARE(ready.count(), 2); // nothing pushed, nothing announced
        QCOMPARE(device.write("x"), -1);
    }

    void manyLines()
    {
        NmeaStreamDevice device;
        QByteArray data;
        for (int i = 0; i < 20000; ++i)
            data += "$GPGSV,3,1,12,04,16,162,46,07,84,207,48*74\r\n";
        device.push(data);
        int lines = 0;
        while (device.canReadLine()) {
            QCOMPARE(device.readLine(), data.left(44));
            ++lines;
        }
        QCOMPARE(lines, 20000);
        QCOMPARE(device.bytesAvailable(), 0);
    }
};

QTEST_GUILESS_MAIN(TestNmeaStreamDevice)
#include "tst_nmeastreamdevice.moc"
