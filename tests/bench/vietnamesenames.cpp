#include "vietnamesenames.h"

namespace {
const QStringList surnames = {"Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Huỳnh", "Phan",  "Vũ",
                              "Võ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô",   "Dương", "Lý"};
const QStringList middles = {"Văn", "Thị",  "Minh", "Hoàng", "Quốc", "Thu", "Ngọc",
                             "Đức", "Xuân", "Hữu",  "Thanh", "Kim",  "Bảo", "Gia"};
const QStringList givens = {"An",    "Bình",  "Cường", "Dũng", "Đông", "Hà",    "Hải",   "Hạnh",
                            "Hương", "Khánh", "Lan",   "Linh", "Long", "Mai",   "Nam",   "Ngọc",
                            "Phong", "Phúc",  "Quân",  "Sơn",  "Tâm",  "Thảo",  "Trang", "Trung",
                            "Tuấn",  "Việt",  "Yến",   "Đạt",  "Hùng", "Nhung", "Oanh",  "Khoa"};
const QStringList brands = {"Hưng Thịnh", "Phát Đạt",  "Thành Công", "Đông Á",    "Hoàng Long",
                            "Minh Khang", "Tân Tiến",  "Đồng Tâm",   "Việt Hưng", "Phú Cường",
                            "Sao Mai",    "Trường An", "Hòa Bình",   "Khánh An",  "Đại Dương",
                            "Nam Việt",   "Kim Long",  "Thái Bình",  "Hồng Hà",   "Đức Thành"};
const QStringList companyForms = {"Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV",
                                  "Doanh nghiệp tư nhân", "Hợp tác xã"};
const QStringList findingParts = {
    "Đơn vị đã đầu tư hệ thống xử lý nước thải tập trung nhưng chưa vận hành thường xuyên.",
    "Đường nội bộ đã hoàn thành, hệ thống thoát nước mưa còn ngập cục bộ khi mưa lớn.",
    "Hồ sơ phòng cháy chữa cháy đầy đủ, diễn tập định kỳ được ghi nhận trong sổ theo dõi.",
    "Một số doanh nghiệp chậm triển khai dự án so với tiến độ cam kết trong hợp đồng thuê đất.",
    "Chưa lắp đặt thiết bị quan trắc tự động nước thải theo quy định.",
    "Công nhân được trang bị đầy đủ bảo hộ lao động, khu vực sản xuất sạch sẽ.",
    "Diện tích đất công nghiệp đã cho thuê đạt khoảng hai phần ba diện tích quy hoạch.",
    "Nhà xưởng xây dựng chưa đúng giấy phép, vượt mật độ xây dựng cho phép."};
const QStringList violationTexts = {
    "Lối thoát hiểm bị chặn bởi hàng hóa, không đảm bảo thoát nạn khi có sự cố.",
    "Bình chữa cháy đã hết hạn kiểm định, áp suất dưới mức cho phép.",
    "Tủ điện không có nắp che, dây dẫn bị hở tại khu vực sản xuất.",
    "Nước thải chưa qua xử lý được xả trực tiếp ra mương thoát nước chung.",
    "Chưa có báo cáo đánh giá tác động môi trường được phê duyệt.",
    "Cho thuê lại đất không đúng mục đích trong hợp đồng."};
} // namespace

VietnameseNames::VietnameseNames(quint64 seed) : m_rng(seed) {}

const QStringList &VietnameseNames::provinces()
{
    static const QStringList list = {"Hà Nội",     "Huế",         "Lai Châu",
                                     "Điện Biên",  "Sơn La",      "Lạng Sơn",
                                     "Quảng Ninh", "Thanh Hóa",   "Nghệ An",
                                     "Hà Tĩnh",    "Cao Bằng",    "Tuyên Quang",
                                     "Lào Cai",    "Thái Nguyên", "Phú Thọ",
                                     "Bắc Ninh",   "Hưng Yên",    "Hải Phòng",
                                     "Ninh Bình",  "Quảng Trị",   "Đà Nẵng",
                                     "Quảng Ngãi", "Gia Lai",     "Khánh Hòa",
                                     "Lâm Đồng",   "Đắk Lắk",     "Thành phố Hồ Chí Minh",
                                     "Đồng Nai",   "Tây Ninh",    "Cần Thơ",
                                     "Vĩnh Long",  "Đồng Tháp",   "Cà Mau",
                                     "An Giang"};
    return list;
}

const QStringList &VietnameseNames::places()
{
    static const QStringList list = {
        "Đồng Hướng", "Khánh Phú",  "Tân Bình",   "Phú Mỹ",     "An Đồng",    "Đồng Văn",
        "Hòa Khánh",  "Tân Phú",    "Bình Minh",  "Phong Điền", "Đông Hà",    "Thanh Liêm",
        "Yên Phong",  "Quế Võ",     "Đồng Xoài",  "Long Hậu",   "Hiệp Phước", "Tam Phước",
        "Nhơn Trạch", "Đức Hòa",    "Cẩm Khê",    "Hưng Đông",  "Nam Cấm",    "Khánh Sơn",
        "Hoàng Mai",  "Lạc Long",   "Tiên Sơn",   "Đình Trám",  "Gia Lộc",    "Cộng Hòa",
        "Nghĩa Đàn",  "Diễn Châu",  "Triệu Sơn",  "Hàm Rồng",   "Tịnh Phong", "Điện Nam",
        "Thuận Đạo",  "Xuân Lộc",   "Trảng Bàng", "Phước Đông", "Mỹ Xuân",    "Cái Mép",
        "Tân Uyên",   "Đất Đỏ",     "Sông Công",  "Phổ Yên",    "Kim Bảng",   "Ý Yên",
        "Đồng Hới",   "Khánh Vĩnh", "Ninh Hòa",   "Buôn Hồ",    "Bảo Lộc",    "Đức Trọng",
        "Trà Nóc",    "Sa Đéc",     "Năm Căn",    "Tịnh Biên",  "Vị Thanh",   "Hòa Phú"};
    return list;
}

const QStringList &VietnameseNames::industries()
{
    static const QStringList list = {"Dệt may",
                                     "Cơ khí",
                                     "Chế biến gỗ",
                                     "Thực phẩm",
                                     "Bao bì",
                                     "Gạch men",
                                     "Nhựa",
                                     "Điện tử",
                                     "Thép",
                                     "Da giày",
                                     "Chế biến nông sản",
                                     "Vật liệu xây dựng",
                                     "Hóa chất",
                                     "Giấy",
                                     "May mặc",
                                     "Thủy sản",
                                     "Gốm sứ",
                                     "Cao su"};
    return list;
}

int VietnameseNames::below(int n)
{
    return int(std::uniform_int_distribution<int>(0, n - 1)(m_rng));
}

double VietnameseNames::uniform()
{
    return std::uniform_real_distribution<double>(0, 1)(m_rng);
}

QString VietnameseNames::person()
{
    return pick(surnames) + QLatin1Char(' ') + pick(middles) + QLatin1Char(' ') + pick(givens);
}

QString VietnameseNames::clusterName()
{
    QString name = QStringLiteral("Cụm công nghiệp ") + pick(places());
    const int n = below(4);
    if (n > 0)
        name += QLatin1Char(' ') + QString::number(n + 1);
    return name;
}

QString VietnameseNames::companyName(const QString &industry)
{
    return pick(companyForms) + QLatin1Char(' ') + industry + QLatin1Char(' ') +
           (below(3) == 0 ? pick(places()) : pick(brands));
}

QString VietnameseNames::taxCode(int provinceIndex)
{
    QString code = QStringLiteral("%1").arg(provinceIndex + 1, 2, 10, QLatin1Char('0'));
    for (int i = 0; i < 8; ++i)
        code += QChar(QLatin1Char('0' + below(10)));
    return code;
}

QString VietnameseNames::finding()
{
    return pick(findingParts) + QLatin1Char(' ') + pick(findingParts);
}

QString VietnameseNames::violationText()
{
    return pick(violationTexts);
}

QString VietnameseNames::uuid7(qint64 ms)
{
    unsigned char b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = uchar(quint64(ms) >> (8 * (5 - i)));
    const quint64 r1 = m_rng(), r2 = m_rng();
    for (int i = 6; i < 16; ++i)
        b[i] = uchar((i < 11 ? r1 : r2) >> (8 * (i % 8)));
    b[6] = uchar(0x70 | (b[6] & 0x0f));
    b[8] = uchar(0x80 | (b[8] & 0x3f));
    const QString h =
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(b), 16).toHex());
    return h.left(8) + QLatin1Char('-') + h.mid(8, 4) + QLatin1Char('-') + h.mid(12, 4) +
           QLatin1Char('-') + h.mid(16, 4) + QLatin1Char('-') + h.mid(20);
}

QString VietnameseNames::hex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(m_rng() & 0xff);
    return QString::fromLatin1(raw.toHex());
}
