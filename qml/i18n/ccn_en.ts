<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../app/ui/appcontroller.cpp" line="119"/>
        <source>Không tạo được thư mục dữ liệu %1. Hãy kiểm tra bộ nhớ của máy.</source>
        <translation>Cannot create the data folder %1. Check the device’s storage.</translation>
    </message>
</context>
<context>
    <name>AppDialog</name>
    <message>
        <location filename="../components/AppDialog.qml" line="15"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../components/AppDialog.qml" line="16"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../components/AppDialog.qml" line="17"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../components/AppDialog.qml" line="18"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../components/AppDialog.qml" line="19"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../components/AppDialog.qml" line="20"/>
        <source>Bỏ thay đổi</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../pages/CameraPage.qml" line="20"/>
        <source>Chụp ảnh</source>
        <translation>Take a photo</translation>
    </message>
    <message>
        <location filename="../pages/CameraPage.qml" line="68"/>
        <source>Chụp</source>
        <translation>Capture</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../app/ui/checklistmodel.cpp" line="288"/>
        <source>Trong lúc bạn chọn, câu trả lời này đã được đổi khi đồng bộ (đang hiện lựa chọn mới). Lựa chọn của bạn chưa được lưu: hãy xem lại, rồi chọn lại nếu vẫn muốn.</source>
        <translation>While you were choosing, a sync changed this answer (the new choice is shown). Your choice is not saved: look again, and choose again if you still want it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklistmodel.cpp" line="294"/>
        <source>Trong lúc bạn nhập, câu trả lời này đã được cập nhật khi đồng bộ thành: “%1”. Câu trả lời của bạn chưa được lưu: hãy xem lại; lưu lần nữa sẽ ghi câu trả lời bạn đang thấy.</source>
        <translation>While you were typing, a sync changed this answer to: “%1”. Your answer is not saved: look again; saving again writes the answer you see.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklistmodel.cpp" line="297"/>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklistmodel.cpp" line="386"/>
        <source>Bắt buộc: hãy chụp hoặc chọn ít nhất một ảnh.</source>
        <translation>Required: take or choose at least one photo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklistmodel.cpp" line="387"/>
        <source>Bắt buộc: hãy trả lời câu hỏi này trước khi gửi.</source>
        <translation>Required: answer this question before submitting.</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="60"/>
        <source>Phiếu kiểm tra — %1</source>
        <translation>Checklist — %1</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="101"/>
        <source>%1/%2 câu</source>
        <translation>%1/%2 answered</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="112"/>
        <source>Đến mục…</source>
        <translation>Go to section…</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="149"/>
        <source>Câu hỏi</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="149"/>
        <source>Thành phần, kết luận</source>
        <translation>Participants, conclusions</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="149"/>
        <source>Tiến độ hạ tầng</source>
        <translation>Infrastructure progress</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="199"/>
        <source>Tiến độ hạ tầng — số liệu ghi trong cuộc kiểm tra này</source>
        <translation>Infrastructure progress — readings recorded in this inspection</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="263"/>
        <source>Vi phạm đã ghi nhận (%1)</source>
        <translation>Recorded violations (%1)</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="275"/>
        <source>hạn %1</source>
        <translation>due %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ChecklistPage.qml" line="275"/>
        <source>%n ảnh</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="283"/>
        <source>+ Ghi nhận vi phạm</source>
        <translation>+ Record a violation</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="290"/>
        <source>Ảnh của cuộc kiểm tra (%1)</source>
        <translation>Inspection photos (%1)</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="319"/>
        <source>Câu trả lời được lưu ngay khi nhập.</source>
        <translation>Answers are saved as you enter them.</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="319"/>
        <source>Cuộc kiểm tra đã gửi: chỉ xem.</source>
        <translation>Inspection submitted: read only.</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="319"/>
        <source>Cuộc kiểm tra này đã bị xoá (trên máy này hoặc trên máy khác, vừa được đồng bộ về): chỉ xem. Những gì đã lưu trên máy này vẫn được gửi lên máy chủ, nơi giám sát viên có thể khôi phục nó.</source>
        <translation>This inspection has been deleted (on this tablet, or on another and brought by a sync): view only. What was saved on this tablet still goes to the server, where a supervisor can bring it back.</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="332"/>
        <source>Gửi kết quả kiểm tra</source>
        <translation>Submit inspection</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="345"/>
        <source>Chưa gửi được</source>
        <translation>Not submitted yet</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="361"/>
        <source>Đã gửi</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="366"/>
        <source>Kết quả kiểm tra đã được lưu và sẽ được đồng bộ khi có mạng.</source>
        <translation>The inspection is saved and will be synced when there is a network.</translation>
    </message>
</context>
<context>
    <name>ClusterController</name>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="80"/>
        <source> (%1 m³/ngày)</source>
        <translation> (%1 m³/day)</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="59"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="60"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="61"/>
        <source>Diện tích quy hoạch</source>
        <translation>Planned area</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="62"/>
        <source>Đất công nghiệp</source>
        <translation>Industrial land</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="63"/>
        <source>Đã cho thuê</source>
        <translation>Leased</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="64"/>
        <source>Tỷ lệ lấp đầy</source>
        <translation>Fill rate</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="65"/>
        <source>chưa rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="66"/>
        <source>Chủ đầu tư hạ tầng</source>
        <translation>Infrastructure investor</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="67"/>
        <source>Vốn đầu tư</source>
        <translation>Investment capital</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="70"/>
        <source>%1 tỷ đồng</source>
        <translation>VND %1 billion</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="72"/>
        <source>Quyết định thành lập</source>
        <translation>Establishment decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="73"/>
        <source>Quy hoạch chi tiết</source>
        <translation>Detailed plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="74"/>
        <source>Đã phê duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="75"/>
        <source>Chưa phê duyệt</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="76"/>
        <source>Xử lý nước thải</source>
        <translation>Wastewater treatment</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="82"/>
        <source>Số lao động</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="83"/>
        <source>Số cơ sở sản xuất</source>
        <translation>Tenants</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="133"/>
        <source>chưa có số liệu</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="182"/>
        <source>Hãy nhập tỷ lệ hoàn thành (0–100).</source>
        <translation>Enter the completion percentage (0–100).</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="185"/>
        <source>“%1” không phải là số. Ví dụ: 62,5</source>
        <translation>“%1” is not a number. Example: 62.5</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="187"/>
        <source>Tỷ lệ hoàn thành phải từ 0 đến 100 %.</source>
        <translation>The completion must be between 0 and 100 %.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="190"/>
        <source>Hãy nhập ngày ghi nhận.</source>
        <translation>Enter the date of the reading.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="193"/>
        <source>“%1” không phải là ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/06/2026.</source>
        <translation>“%1” is not a date. Enter day/month/year, e.g. 15/06/2026.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="197"/>
        <source>Ngày ghi nhận không được sau hôm nay.</source>
        <translation>The date of the reading cannot be after today.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="199"/>
        <source>Ngày ghi nhận phải từ năm 2000 trở đi.</source>
        <translation>The date of the reading must be in 2000 or later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="201"/>
        <source>Quá dài: %1 ký tự, tối đa %2.</source>
        <translation>Too long: %1 characters, at most %2.</translation>
    </message>
</context>
<context>
    <name>ClusterListPage</name>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="16"/>
        <source>Cụm công nghiệp</source>
        <translation>Industrial clusters</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="30"/>
        <source>Tìm theo tên cụm, mã, chủ đầu tư, địa phương…</source>
        <translation>Search by cluster name, code, investor, place…</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="48"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="66"/>
        <source>Chưa có trạm xử lý nước thải</source>
        <translation>No wastewater treatment plant</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="72"/>
        <source>Có vi phạm chưa khắc phục</source>
        <translation>Open violations</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ClusterListPage.qml" line="80"/>
        <source>%n cụm</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ClusterListPage.qml" line="151"/>
        <source>%n cơ sở sản xuất</source>
        <translation>
            <numerusform>%n tenant</numerusform>
            <numerusform>%n tenants</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="163"/>
        <source>Lấp đầy %1</source>
        <translation>Filled %1</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="163"/>
        <source>Lấp đầy: chưa rõ</source>
        <translation>Fill rate: unknown</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ClusterListPage.qml" line="178"/>
        <source>%n vi phạm chưa khắc phục</source>
        <translation>
            <numerusform>%n open violation</numerusform>
            <numerusform>%n open violations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="198"/>
        <source>Cơ sở sản xuất và cuộc kiểm tra</source>
        <translation>Tenants and inspections</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ClusterListPage.qml" line="211"/>
        <source>Đang lập chỉ mục tìm kiếm cho %n mục vừa tải về; kết quả có thể chưa đủ.</source>
        <translation>
            <numerusform>Indexing %n record just downloaded for search; results may be incomplete.</numerusform>
            <numerusform>Indexing %n records just downloaded for search; results may be incomplete.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="238"/>
        <source>Không có cụm nào khớp. Hãy bỏ bớt bộ lọc hoặc sửa từ khoá.</source>
        <translation>No cluster matches. Remove a filter or change the search words.</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="238"/>
        <source>Đang tải danh sách cụm…</source>
        <translation>Loading the clusters…</translation>
    </message>
</context>
<context>
    <name>ClusterPage</name>
    <message>
        <location filename="../pages/ClusterPage.qml" line="34"/>
        <source>Đã chuyển vi phạm sang “%1”.</source>
        <translation>The violation was moved to “%1”.</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="75"/>
        <source>Bắt đầu kiểm tra</source>
        <translation>Start an inspection</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="116"/>
        <source>Bắt đầu kiểm tra tại hiện trường</source>
        <translation>Start the on-site inspection</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="116"/>
        <source>Tiếp tục cuộc kiểm tra đang làm</source>
        <translation>Continue the inspection in progress</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="129"/>
        <source>Thông tin chính</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="187"/>
        <source>Tiến độ hạ tầng</source>
        <translation>Infrastructure progress</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="341"/>
        <source>Theo dõi vi phạm</source>
        <translation>Violation follow-up</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="347"/>
        <source>Chuyển vi phạm sang trạng thái “%1”? Sau khi chuyển không thể quay lại trạng thái trước.</source>
        <translation>Move the violation to “%1”? It cannot be moved back afterwards.</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="199"/>
        <source>Vi phạm chưa khắc phục (%1)</source>
        <translation>Open violations (%1)</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="238"/>
        <source>hạn %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="253"/>
        <source>Chuyển sang:</source>
        <translation>Move to:</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="284"/>
        <source>Cơ sở sản xuất (%1)</source>
        <translation>Tenants (%1)</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="309"/>
        <source>Các lần kiểm tra (%1)</source>
        <translation>Past inspections (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ClusterPage.qml" line="319"/>
        <source>%n vi phạm</source>
        <translation>
            <numerusform>%n violation</numerusform>
            <numerusform>%n violations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoordinateValidator</name>
    <message>
        <location filename="../../app/position/coordinatevalidator.cpp" line="28"/>
        <source>Tọa độ không hợp lệ: thiếu vĩ độ hoặc kinh độ. Hãy lấy lại vị trí hoặc nhập đủ cả hai số.</source>
        <translation>Invalid coordinates: the latitude or longitude is missing. Get the position again or enter both numbers.</translation>
    </message>
    <message>
        <location filename="../../app/position/coordinatevalidator.cpp" line="35"/>
        <source>Tọa độ (%1; %2) không có thật: vĩ độ phải từ -90 đến 90, kinh độ từ -180 đến 180.</source>
        <translation>The coordinates (%1; %2) cannot exist: latitude must be between -90 and 90, longitude between -180 and 180.</translation>
    </message>
    <message>
        <location filename="../../app/position/coordinatevalidator.cpp" line="39"/>
        <source>Tọa độ (%1; %2) nằm ngoài lãnh thổ Việt Nam. Vĩ độ phải từ 6 đến 23,5 (Bắc) và kinh độ từ 102 đến 117,5 (Đông).</source>
        <translation>The coordinates (%1; %2) are outside Vietnam. Latitude must be between 6 and 23.5 (North) and longitude between 102 and 117.5 (East).</translation>
    </message>
    <message>
        <location filename="../../app/position/coordinatevalidator.cpp" line="44"/>
        <source>Có lẽ vĩ độ và kinh độ đã bị đảo chỗ cho nhau.</source>
        <translation>The latitude and longitude may have been swapped.</translation>
    </message>
    <message>
        <location filename="../../app/position/coordinatevalidator.cpp" line="46"/>
        <source>Hãy kiểm tra lại tọa độ.</source>
        <translation>Check the coordinates again.</translation>
    </message>
</context>
<context>
    <name>DomainLabels</name>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="135"/>
        <source>Trong quy hoạch</source>
        <translation>In the plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="137"/>
        <source>Đang thẩm định hồ sơ</source>
        <translation>Dossier under appraisal</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="139"/>
        <source>Đã thành lập</source>
        <translation>Established</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="141"/>
        <location filename="../../app/ui/domainlabels.cpp" line="410"/>
        <source>Đã duyệt quy hoạch chi tiết</source>
        <translation>Detailed plan approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="143"/>
        <source>Đã duyệt dự án hạ tầng</source>
        <translation>Infrastructure project approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="145"/>
        <source>Đang xây dựng hạ tầng</source>
        <translation>Under construction</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="147"/>
        <location filename="../../app/ui/domainlabels.cpp" line="177"/>
        <source>Đang hoạt động</source>
        <translation>Operating</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="149"/>
        <source>Đã mở rộng</source>
        <translation>Expanded</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="151"/>
        <source>Đã điều chỉnh</source>
        <translation>Adjusted</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="153"/>
        <source>Đã thu hồi quyết định thành lập</source>
        <translation>Establishment revoked</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="155"/>
        <source>Đã rút khỏi quy hoạch</source>
        <translation>Removed from the plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="157"/>
        <source>Hoạt động nhưng chưa thành lập</source>
        <translation>Operating, not established</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="164"/>
        <source>Chưa có trạm xử lý nước thải</source>
        <translation>No wastewater treatment plant</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="166"/>
        <source>Trạm xử lý nước thải: mới có kế hoạch</source>
        <translation>Wastewater plant: planned only</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="168"/>
        <source>Trạm xử lý nước thải đang xây dựng</source>
        <translation>Wastewater plant under construction</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="170"/>
        <source>Trạm xử lý nước thải đang vận hành</source>
        <translation>Wastewater plant operating</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="179"/>
        <source>Chậm tiến độ</source>
        <translation>Behind schedule</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="181"/>
        <source>Chưa triển khai</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="183"/>
        <source>Chuyển nhượng trái phép</source>
        <translation>Illegal transfer</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="190"/>
        <source>Nhẹ</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="192"/>
        <source>Nghiêm trọng</source>
        <translation>Serious</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="194"/>
        <source>Rất nghiêm trọng</source>
        <translation>Very serious</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="201"/>
        <source>Chưa khắc phục</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="203"/>
        <source>Đang khắc phục</source>
        <translation>Being remedied</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="205"/>
        <source>Báo đã khắc phục</source>
        <translation>Reported fixed</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="207"/>
        <source>Đã xác nhận khắc phục</source>
        <translation>Verified fixed</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="209"/>
        <source>Đã chuyển xử lý</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="216"/>
        <source>Kiểm tra định kỳ</source>
        <translation>Periodic inspection</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="218"/>
        <source>Kiểm tra đột xuất</source>
        <translation>Unscheduled inspection</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="220"/>
        <source>Kiểm tra lại</source>
        <translation>Follow-up inspection</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="222"/>
        <source>Xác minh tiến độ</source>
        <translation>Progress verification</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="229"/>
        <source>Đang làm</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="231"/>
        <source>Đã gửi</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="238"/>
        <source>Giải phóng mặt bằng</source>
        <translation>Site clearance</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="240"/>
        <source>Đường nội bộ</source>
        <translation>Internal roads</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="242"/>
        <source>Cấp điện</source>
        <translation>Power supply</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="244"/>
        <source>Cấp nước</source>
        <translation>Water supply</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="246"/>
        <source>Thoát nước</source>
        <translation>Drainage</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="248"/>
        <source>Thoát nước mưa</source>
        <translation>Stormwater drainage</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="250"/>
        <source>Trạm xử lý nước thải tập trung</source>
        <translation>Central wastewater treatment plant</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="252"/>
        <source>Hạng mục khác</source>
        <translation>Other item</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="371"/>
        <location filename="../../app/ui/domainlabels.cpp" line="478"/>
        <source>Đơn vị hành chính</source>
        <translation>Administrative unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="372"/>
        <source>Đối chiếu đơn vị hành chính</source>
        <translation>Administrative unit mapping</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="373"/>
        <location filename="../../app/ui/domainlabels.cpp" line="401"/>
        <source>Cụm công nghiệp</source>
        <translation>Industrial cluster</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="374"/>
        <source>Địa bàn của cụm</source>
        <translation>Cluster&apos;s commune</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="375"/>
        <source>Mốc ranh giới</source>
        <translation>Boundary marker</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="376"/>
        <source>Doanh nghiệp trong cụm</source>
        <translation>Tenant enterprise</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="377"/>
        <location filename="../../app/ui/domainlabels.cpp" line="430"/>
        <source>Hạng mục hạ tầng</source>
        <translation>Infrastructure item</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="378"/>
        <location filename="../../app/ui/domainlabels.cpp" line="473"/>
        <source>Mẫu phiếu kiểm tra</source>
        <translation>Checklist template</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="379"/>
        <location filename="../../app/ui/domainlabels.cpp" line="462"/>
        <source>Phần của phiếu kiểm tra</source>
        <translation>Checklist section</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="380"/>
        <source>Câu hỏi kiểm tra</source>
        <translation>Checklist question</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="381"/>
        <location filename="../../app/ui/domainlabels.cpp" line="424"/>
        <source>Cuộc kiểm tra</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="382"/>
        <source>Thành phần đoàn kiểm tra</source>
        <translation>Inspection participant</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="383"/>
        <source>Câu trả lời</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="384"/>
        <location filename="../../app/ui/domainlabels.cpp" line="484"/>
        <source>Vi phạm</source>
        <translation>Violation</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="385"/>
        <source>Số liệu tiến độ</source>
        <translation>Progress reading</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="280"/>
        <location filename="../../app/ui/domainlabels.cpp" line="386"/>
        <source>Ảnh</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="259"/>
        <source>Tỉnh, thành phố</source>
        <translation>Province or city</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="261"/>
        <source>Huyện, quận</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="263"/>
        <source>Xã, phường</source>
        <translation>Commune or ward</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="270"/>
        <source>Có / Không / Không áp dụng</source>
        <translation>Yes / No / Not applicable</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="272"/>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="274"/>
        <source>Tỷ lệ phần trăm</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="276"/>
        <source>Chọn một</source>
        <translation>One of a list</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="278"/>
        <source>Chữ</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="287"/>
        <source>Chụp bằng máy</source>
        <translation>Taken with the camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="289"/>
        <source>Chọn từ tệp</source>
        <translation>Chosen from a file</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="296"/>
        <source>Thanh tra viên</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="298"/>
        <source>Cán bộ địa phương</source>
        <translation>Local officer</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="300"/>
        <source>Giám sát viên</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="302"/>
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="313"/>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="322"/>
        <source>một bản ghi chưa có trên máy này (mã %1…)</source>
        <translation>a record not on this device (id %1…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="333"/>
        <source>Vai trò hoặc địa bàn của người dùng không cho phép thay đổi này</source>
        <translation>The user&apos;s role or area does not allow this change</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="335"/>
        <source>Máy chủ chưa có bản ghi mà bản ghi này thuộc về</source>
        <translation>The registry does not have the record this one belongs to yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="337"/>
        <source>Máy chủ không có bản ghi này</source>
        <translation>The registry does not have this record</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="362"/>
        <source>Máy chủ không nhận thay đổi này (%1). Có thể ứng dụng và máy chủ khác phiên bản: hãy cập nhật ứng dụng hoặc báo quản trị viên</source>
        <translation>The registry does not take this change (%1). The app and the registry may be of different versions: update the app or tell an administrator</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="394"/>
        <source>Độ chính xác vị trí (m)</source>
        <translation>Position accuracy (m)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="395"/>
        <source>Cơ quan, đơn vị</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="396"/>
        <source>Ranh giới cụm</source>
        <translation>Cluster boundary</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="397"/>
        <source>Dung lượng ảnh</source>
        <translation>Photo size</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="398"/>
        <source>Chú thích ảnh</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="399"/>
        <source>Loại vi phạm</source>
        <translation>Violation type</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="400"/>
        <source>Các lựa chọn</source>
        <translation>Choices</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="402"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="403"/>
        <source>Hạn hoàn thành đã cam kết</source>
        <translation>Committed completion date</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="404"/>
        <source>Hạn đưa vào vận hành đã cam kết</source>
        <translation>Committed operation date</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="405"/>
        <source>Hạn khởi công đã cam kết</source>
        <translation>Committed start date</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="406"/>
        <source>Kết luận và kiến nghị</source>
        <translation>Conclusions and recommendations</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="407"/>
        <source>Thời điểm tạo</source>
        <translation>Created at</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="408"/>
        <source>Hạn khắc phục</source>
        <translation>Remedy deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="409"/>
        <source>Thời điểm xoá</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="411"/>
        <source>Quyết định duyệt quy hoạch chi tiết</source>
        <translation>Detailed plan decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="412"/>
        <source>Ngày có hiệu lực</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="413"/>
        <source>Thời điểm kết thúc</source>
        <translation>Ended at</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="414"/>
        <source>Diện tích thành lập (ha)</source>
        <translation>Established area (ha)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="415"/>
        <source>Ngày thành lập</source>
        <translation>Established on</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="416"/>
        <source>Quyết định thành lập</source>
        <translation>Establishment decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="417"/>
        <source>Nội dung làm việc, kết quả kiểm tra</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="418"/>
        <source>Mức phạt tối đa (đồng)</source>
        <translation>Maximum fine (VND)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="419"/>
        <source>Mức phạt tối thiểu (đồng)</source>
        <translation>Minimum fine (VND)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="420"/>
        <source>Có vốn đầu tư nước ngoài</source>
        <translation>Foreign-invested</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="421"/>
        <source>Chiều cao ảnh</source>
        <translation>Photo height</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="422"/>
        <source>Đất công nghiệp (ha)</source>
        <translation>Industrial land (ha)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="423"/>
        <source>Ngành nghề</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="425"/>
        <source>Họ tên cán bộ kiểm tra</source>
        <translation>Inspector&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="426"/>
        <source>Vốn đầu tư (tỷ đồng)</source>
        <translation>Investment capital (VND bn)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="427"/>
        <source>Chủ đầu tư</source>
        <translation>Investor</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="428"/>
        <source>Dữ liệu minh hoạ</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="429"/>
        <source>Trưởng đoàn</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="431"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="432"/>
        <source>Vĩ độ</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="433"/>
        <source>Đất đã cho thuê (ha)</source>
        <translation>Leased land (ha)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="434"/>
        <source>Căn cứ pháp lý</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="435"/>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="436"/>
        <source>Tên cấp</source>
        <translation>Level name</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="437"/>
        <source>Kinh độ</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="438"/>
        <source>Giá trị lớn nhất</source>
        <translation>Maximum value</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="439"/>
        <source>Định dạng ảnh</source>
        <translation>Image format</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="440"/>
        <source>Giá trị nhỏ nhất</source>
        <translation>Minimum value</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="441"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="442"/>
        <source>Đơn vị mới</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="443"/>
        <location filename="../../app/ui/domainlabels.cpp" line="444"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="445"/>
        <source>Nội dung vi phạm (điều đã thấy)</source>
        <translation>What was observed</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="446"/>
        <source>Ngày ghi nhận</source>
        <translation>Observed on</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="447"/>
        <source>Đơn vị cũ</source>
        <translation>Former unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="448"/>
        <source>Ngoài ranh giới cụm</source>
        <translation>Outside the cluster boundary</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="449"/>
        <source>Đơn vị cấp trên</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="450"/>
        <source>Tỷ lệ hoàn thành (%)</source>
        <translation>Completion (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="451"/>
        <source>Đã cắm mốc</source>
        <translation>Placed</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="452"/>
        <source>Diện tích quy hoạch (ha)</source>
        <translation>Planned area (ha)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="453"/>
        <source>Thứ tự</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="454"/>
        <source>Thời điểm lấy vị trí</source>
        <translation>Position taken at</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="455"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="456"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="457"/>
        <source>Ngày ban hành</source>
        <translation>Published on</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="458"/>
        <source>Câu hỏi</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="459"/>
        <source>Biện pháp khắc phục yêu cầu</source>
        <translation>Required remedy</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="460"/>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="461"/>
        <source>Đơn vị chịu trách nhiệm</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="463"/>
        <source>Mức độ</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="464"/>
        <source>Mã băm ảnh (SHA-256)</source>
        <translation>Photo hash (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="465"/>
        <source>Chỉ hỏi khi câu</source>
        <translation>Shown when question</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="466"/>
        <source>Chỉ hỏi khi trả lời</source>
        <translation>Shown when answer is</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="467"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="468"/>
        <source>Thời điểm bắt đầu</source>
        <translation>Started at</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="469"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="470"/>
        <source>Thời điểm gửi</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="471"/>
        <source>Thời điểm chụp</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="472"/>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="474"/>
        <source>Doanh nghiệp</source>
        <translation>Tenant enterprise</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="475"/>
        <source>Nội dung câu hỏi</source>
        <translation>Question text</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="476"/>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="477"/>
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="479"/>
        <source>Thời điểm sửa</source>
        <translation>Updated at</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="480"/>
        <source>Hiệu lực từ</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="481"/>
        <source>Hiệu lực đến</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="482"/>
        <source>Nội dung trả lời</source>
        <translation>Answer given</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="483"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="485"/>
        <source>Chiều rộng ảnh</source>
        <translation>Photo width</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="486"/>
        <source>Số lao động</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="487"/>
        <source>Quan trắc tự động nước thải</source>
        <translation>Automatic wastewater monitoring</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="488"/>
        <source>Công suất xử lý nước thải (m³/ngày)</source>
        <translation>Wastewater capacity (m³/day)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="489"/>
        <source>Nước thải đạt quy chuẩn</source>
        <translation>Wastewater meets the standard</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="490"/>
        <source>Trạm xử lý nước thải</source>
        <translation>Wastewater treatment plant</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="498"/>
        <source>thêm mới</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="500"/>
        <source>sửa</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="502"/>
        <source>xoá</source>
        <translation>delete</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="511"/>
        <location filename="../../app/ui/domainlabels.cpp" line="592"/>
        <location filename="../../app/ui/domainlabels.cpp" line="601"/>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="309"/>
        <location filename="../../app/ui/domainlabels.cpp" line="525"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="311"/>
        <location filename="../../app/ui/domainlabels.cpp" line="525"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="682"/>
        <source>%1–%2 triệu đồng</source>
        <translation>VND %1–%2 million</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="683"/>
        <source>%1 triệu đồng</source>
        <translation>VND %1 million</translation>
    </message>
</context>
<context>
    <name>FormReply</name>
    <message>
        <location filename="../../app/ui/formreply.cpp" line="26"/>
        <source>Các ô khác đã được lưu. Ô được đánh dấu đã được người khác sửa trong lúc bạn nhập.</source>
        <translation>The other fields are saved. The marked field was changed by someone else while you were typing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/formreply.cpp" line="32"/>
        <source>Trong lúc bạn sửa, ô này đã được cập nhật khi đồng bộ thành: “%1”. Nội dung bạn đang thấy chưa được lưu: hãy xem lại; lưu lần nữa sẽ ghi nội dung bạn đang thấy.</source>
        <translation>While you were editing, a sync changed this field to: “%1”. What you see is not saved yet: look again; saving again writes what you see.</translation>
    </message>
    <message>
        <location filename="../../app/ui/formreply.cpp" line="46"/>
        <source>Hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Correct the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>GeoBoundary</name>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="30"/>
        <source>một vòng ranh giới không phải là mảng tọa độ</source>
        <translation>a boundary ring is not an array of coordinates</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="36"/>
        <source>mỗi điểm phải là mảng [kinh độ, vĩ độ]</source>
        <translation>each point must be an array [longitude, latitude]</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="41"/>
        <source>điểm [%1, %2] nằm ngoài phạm vi kinh độ/vĩ độ</source>
        <translation>the point [%1, %2] is outside the longitude/latitude range</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="43"/>
        <source> (GeoJSON ghi kinh độ trước, vĩ độ sau: có lẽ hai số bị đảo)</source>
        <translation> (GeoJSON puts longitude first, then latitude: the two numbers may be swapped)</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="51"/>
        <source>một vòng ranh giới cần ít nhất 3 điểm khác nhau</source>
        <translation>a boundary ring needs at least 3 different points</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="60"/>
        <source>đa giác không có vòng ranh giới nào</source>
        <translation>a polygon has no boundary ring</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="85"/>
        <source>MultiPolygon không có đa giác nào</source>
        <translation>the MultiPolygon has no polygons</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="97"/>
        <source>Feature không có hình (geometry)</source>
        <translation>a Feature has no geometry</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="103"/>
        <source>FeatureCollection không có đối tượng nào</source>
        <translation>the FeatureCollection has no features</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="106"/>
        <source>một đối tượng trong FeatureCollection không hợp lệ</source>
        <translation>a feature in the FeatureCollection is not valid</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="111"/>
        <source>thiếu trường &quot;type&quot;</source>
        <translation>the &quot;type&quot; field is missing</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="112"/>
        <source>kiểu &quot;%1&quot; không phải là vùng (cần Polygon hoặc MultiPolygon)</source>
        <translation>the type &quot;%1&quot; is not an area (Polygon or MultiPolygon needed)</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="138"/>
        <source>Ranh giới cụm công nghiệp (GeoJSON) không dùng được: %1. Hãy cập nhật lại ranh giới của cụm.</source>
        <translation>The industrial cluster boundary (GeoJSON) cannot be used: %1. Update the cluster’s boundary.</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="145"/>
        <source>chưa có dữ liệu ranh giới</source>
        <translation>there is no boundary data yet</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="149"/>
        <source>lỗi cú pháp JSON ở ký tự %1 (%2)</source>
        <translation>JSON syntax error at character %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/position/geoboundary.cpp" line="153"/>
        <source>GeoJSON phải là một đối tượng JSON</source>
        <translation>the GeoJSON must be a JSON object</translation>
    </message>
</context>
<context>
    <name>InfrastructureProgress</name>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="44"/>
        <source>Số liệu tiến độ đang nhập (%1) chưa được lưu.</source>
        <translation>The progress reading being typed (%1) is not saved.</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="52"/>
        <source>Đã lưu số liệu tiến độ.</source>
        <translation>Progress reading saved.</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="64"/>
        <source>Chưa có hạng mục hạ tầng.</source>
        <translation>No infrastructure items yet.</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="91"/>
        <source>ngày %1</source>
        <translation>on %1</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="111"/>
        <source>+ Ghi số liệu mới</source>
        <translation>+ Record a reading</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="112"/>
        <source>Ghi số liệu mới cho %1</source>
        <translation>Record a reading for %1</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="119"/>
        <source>Ẩn lịch sử</source>
        <translation>Hide history</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="119"/>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="149"/>
        <source>Tỷ lệ hoàn thành (%)</source>
        <translation>Completion (%)</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="159"/>
        <source>0–100, ví dụ 62,5</source>
        <translation>0–100, e.g. 62.5</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="174"/>
        <source>Ngày ghi nhận (ngày/tháng/năm)</source>
        <translation>Date observed (day/month/year)</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="195"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="203"/>
        <source>Ví dụ: đã trải nhựa tuyến chính</source>
        <translation>Example: main road asphalted</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="223"/>
        <source>Lưu số liệu</source>
        <translation>Save reading</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="229"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="252"/>
        <source>trong cuộc kiểm tra</source>
        <translation>during an inspection</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="260"/>
        <source>Chưa có số liệu nào.</source>
        <translation>No readings yet.</translation>
    </message>
</context>
<context>
    <name>InspectionController</name>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="90"/>
        <source>Không có toạ độ</source>
        <translation>No coordinates</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="136"/>
        <source>Vĩ độ “%1” không phải là số (ví dụ: 20,0456).</source>
        <translation>Latitude “%1” is not a number (e.g. 20.0456).</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="138"/>
        <source>Kinh độ “%1” không phải là số (ví dụ: 106,0212).</source>
        <translation>Longitude “%1” is not a number (e.g. 106.0212).</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="160"/>
        <source>Không tìm thấy cụm công nghiệp này.</source>
        <translation>This industrial cluster was not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="164"/>
        <source>Chưa có mẫu phiếu kiểm tra trên máy. Hãy đồng bộ dữ liệu rồi thử lại.</source>
        <translation>There is no checklist template on this device. Sync, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="179"/>
        <source>Vị trí từ thiết bị không hợp lệ nên không được ghi: %1</source>
        <translation>The device position is not valid and was not recorded: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="189"/>
        <source>Chưa có vị trí: cuộc kiểm tra được bắt đầu không kèm toạ độ. Có thể nhập toạ độ bằng tay trong bảng vị trí.</source>
        <translation>No position yet: the inspection was started without coordinates. You can type coordinates in the position panel.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="198"/>
        <source>Cảnh báo: vị trí hiện tại nằm ngoài ranh giới cụm, cách khoảng %1 m. Hãy kiểm tra lại bạn đang ở đúng cụm %2.</source>
        <translation>Warning: you are outside the cluster boundary, about %1 m away. Check that you are at %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="222"/>
        <source>Không tìm thấy cuộc kiểm tra.</source>
        <translation>Inspection not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="322"/>
        <source>Hãy bắt đầu một cuộc kiểm tra trước khi thêm ảnh.</source>
        <translation>Start an inspection before adding photos.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="326"/>
        <source>Không tìm thấy tệp ảnh: %1</source>
        <translation>Photo file not found: %1</translation>
    </message>
</context>
<context>
    <name>InspectionManager</name>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="60"/>
        <source>Loại kiểm tra không hợp lệ: %1</source>
        <translation>Invalid inspection type: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="65"/>
        <source>Không tìm thấy cụm công nghiệp này.</source>
        <translation>This industrial cluster was not found.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="68"/>
        <source>Không tìm thấy mẫu phiếu kiểm tra.</source>
        <translation>Checklist template not found.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="78"/>
        <source>Toạ độ không hợp lệ.</source>
        <translation>Invalid coordinates.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="150"/>
        <source>Không tìm thấy cuộc kiểm tra.</source>
        <translation>Inspection not found.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="152"/>
        <source>Cuộc kiểm tra này đã bị xoá.</source>
        <translation>This inspection has been deleted.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="156"/>
        <source>Cuộc kiểm tra đã được gửi nên không thể sửa. Hãy tạo một cuộc kiểm tra bổ sung.</source>
        <translation>This inspection has been submitted and can no longer be edited. Start a supplementary inspection instead.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="168"/>
        <source>Không tìm thấy câu hỏi.</source>
        <translation>Question not found.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="174"/>
        <location filename="../../app/core/inspectionmanager.cpp" line="528"/>
        <source>Ghi chú quá dài (%1 ký tự, tối đa %2).</source>
        <translation>The note is too long (%1 characters, at most %2).</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="209"/>
        <source>Nội dung quá dài (tối đa 20.000 ký tự).</source>
        <translation>The text is too long (at most 20,000 characters).</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="232"/>
        <source>Hãy nhập họ tên người tham gia.</source>
        <translation>Enter the participant’s full name.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="234"/>
        <source>Họ tên, chức vụ hoặc cơ quan quá dài.</source>
        <translation>The name, position or agency is too long.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="246"/>
        <source>Không tìm thấy người tham gia này.</source>
        <translation>This participant was not found.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="274"/>
        <source>%1 đã có trong danh sách người tham gia.</source>
        <translation>%1 is already in the list of participants.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="345"/>
        <source>Trường không hợp lệ: %1</source>
        <translation>Invalid field: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="349"/>
        <source>Hãy chọn loại vi phạm.</source>
        <translation>Choose the kind of violation.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="352"/>
        <source>Hãy mô tả điều đã thấy (nội dung vi phạm).</source>
        <translation>Describe what you saw (the violation).</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="355"/>
        <source>Hãy chọn mức độ vi phạm.</source>
        <translation>Choose the severity.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="358"/>
        <location filename="../../app/core/inspectionmanager.cpp" line="455"/>
        <source>Trạng thái vi phạm không hợp lệ.</source>
        <translation>Invalid violation status.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="364"/>
        <source>Nội dung quá dài (tối đa %1 ký tự).</source>
        <translation>The text is too long (at most %1 characters).</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="371"/>
        <source>Hạn khắc phục không phải là ngày hợp lệ (định dạng năm-tháng-ngày).</source>
        <translation>The deadline is not a valid date (format: year-month-day).</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="373"/>
        <source>Hạn khắc phục phải nằm trong khoảng năm 2000–2100.</source>
        <translation>The deadline must be between the years 2000 and 2100.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="381"/>
        <source>Mức phạt phải là số tiền hợp lệ (đồng).</source>
        <translation>The fine must be a valid amount (in VND).</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="383"/>
        <source>Mức phạt tối thiểu lớn hơn mức tối đa.</source>
        <translation>The minimum fine is greater than the maximum.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="417"/>
        <location filename="../../app/core/inspectionmanager.cpp" line="467"/>
        <source>Không tìm thấy vi phạm.</source>
        <translation>Violation not found.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="422"/>
        <source>Vi phạm này đã bị xoá (trên máy này hoặc trên máy khác, vừa được đồng bộ về), nên nội dung vừa sửa chưa được lưu. Nếu cần giữ, hãy báo giám sát viên để khôi phục, hoặc ghi thành một vi phạm mới.</source>
        <translation>This violation has been deleted (on this tablet, or on another and brought by a sync), so what you just changed is not saved. To keep it, ask a supervisor to restore the violation, or record it as a new one.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="473"/>
        <source>Cuộc kiểm tra của vi phạm này đã bị xoá.</source>
        <translation>The inspection this violation belongs to has been deleted.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="478"/>
        <source>Không thể chuyển vi phạm về trạng thái trước. Nếu vi phạm tái diễn, hãy ghi nhận một vi phạm mới.</source>
        <translation>A violation cannot be moved back to an earlier status. If the violation happens again, record a new violation.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="516"/>
        <source>Tiến độ phải từ 0 đến 100 %.</source>
        <translation>Progress must be between 0 and 100 %.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="518"/>
        <source>Ngày ghi nhận không hợp lệ.</source>
        <translation>The date of the reading is not valid.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="524"/>
        <source>Không tìm thấy hạng mục hạ tầng.</source>
        <translation>Infrastructure item not found.</translation>
    </message>
    <message>
        <location filename="../../app/core/inspectionmanager.cpp" line="536"/>
        <source>Hạng mục này không thuộc cụm đang kiểm tra.</source>
        <translation>This item does not belong to the cluster being inspected.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/inspectionmanager.cpp" line="633"/>
        <source>Chưa thể gửi: còn %n mục bắt buộc chưa trả lời:
• </source>
        <translation>
            <numerusform>Cannot submit yet: %n required item is not answered:
• </numerusform>
            <numerusform>Cannot submit yet: %n required items are not answered:
• </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../pages/LoginPage.qml" line="15"/>
        <location filename="../pages/LoginPage.qml" line="100"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="42"/>
        <source>Đăng nhập để đồng bộ dữ liệu với hệ thống quản lý cụm công nghiệp của tỉnh.</source>
        <translation>Log in to sync with the province&apos;s industrial cluster registry.</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="47"/>
        <source>Địa chỉ máy chủ</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="61"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="74"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="100"/>
        <source>Đang đăng nhập…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Nguyễn Văn An</source>
        <translation>Nguyễn Văn An</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Phó Giám đốc</source>
        <translation>Deputy Director</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Sở Công Thương</source>
        <translation>Department of Industry and Trade</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Trần Thị Bích Ngọc</source>
        <translation>Trần Thị Bích Ngọc</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Chuyên viên</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Lê Văn Minh</source>
        <translation>Lê Văn Minh</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Phó Chủ tịch</source>
        <translation>Vice Chairman</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>UBND xã</source>
        <translation>Commune People’s Committee</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Phạm Thị Hoa</source>
        <translation>Phạm Thị Hoa</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Giám đốc</source>
        <translation>Director</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="242"/>
        <source>Chủ đầu tư hạ tầng</source>
        <translation>Infrastructure investor</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="249"/>
        <source>Đoàn đã kiểm tra hiện trường và hồ sơ của cụm. Hệ thống thoát nước mưa chưa hoàn thành ở phía đông.</source>
        <translation>The team inspected the site and the cluster’s records. The stormwater system is unfinished on the east side.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="261"/>
        <source>Hệ thống thoát nước mưa chưa hoàn thành, nước mưa chảy tràn vào khu đất trống.</source>
        <translation>The stormwater system is unfinished; rainwater overflows onto vacant land.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="262"/>
        <source>Hoàn thành tuyến thoát nước mưa phía đông.</source>
        <translation>Finish the eastern stormwater line.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="290"/>
        <source>Kiểm tra CCN</source>
        <translation>CCN Inspect</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="331"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="353"/>
        <source>DỮ LIỆU MINH HOẠ</source>
        <translation>DEMO DATA</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="353"/>
        <source>MINH HOẠ</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="367"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="367"/>
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../Main.qml" line="367"/>
        <source>%n chờ gửi</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../Main.qml" line="367"/>
        <source>%n cần giám sát xử lý</source>
        <translation>
            <numerusform>%n for a supervisor to settle</numerusform>
            <numerusform>%n for a supervisor to settle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../Main.qml" line="371"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="385"/>
        <location filename="../Main.qml" line="389"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="435"/>
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="444"/>
        <source>Không mở được cơ sở dữ liệu trên máy</source>
        <translation>The database on this device cannot be opened</translation>
    </message>
</context>
<context>
    <name>MinutesController</name>
    <message>
        <location filename="../../app/ui/minutescontroller.cpp" line="107"/>
        <source>Hãy nhập họ tên người tham gia.</source>
        <translation>Enter the participant’s full name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutescontroller.cpp" line="110"/>
        <location filename="../../app/ui/minutescontroller.cpp" line="113"/>
        <source>Quá dài: %1 ký tự, tối đa 200.</source>
        <translation>Too long: %1 characters, at most 200.</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutescontroller.cpp" line="116"/>
        <source>Quá dài: %1 ký tự, tối đa 300.</source>
        <translation>Too long: %1 characters, at most 300.</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutescontroller.cpp" line="118"/>
        <location filename="../../app/ui/minutescontroller.cpp" line="183"/>
        <source>Hãy bắt đầu một cuộc kiểm tra trước.</source>
        <translation>Start an inspection first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutescontroller.cpp" line="178"/>
        <location filename="../../app/ui/minutescontroller.cpp" line="181"/>
        <source>Quá dài: %1 ký tự, tối đa %2.</source>
        <translation>Too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutescontroller.cpp" line="184"/>
        <source>Chưa lưu: hãy rút ngắn nội dung.</source>
        <translation>Not saved: shorten the text.</translation>
    </message>
    <message>
        <location filename="../../app/ui/minutescontroller.cpp" line="219"/>
        <source>Chưa lưu phần được đánh dấu: người khác đã sửa nó trong lúc bạn nhập.</source>
        <translation>The marked part is not saved: someone else changed it while you were typing.</translation>
    </message>
</context>
<context>
    <name>MinutesPanel</name>
    <message>
        <location filename="../components/MinutesPanel.qml" line="65"/>
        <source>Người tham gia đang nhập (%1) chưa được thêm vào biên bản.</source>
        <translation>The participant being typed (%1) has not been added to the minutes.</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="66"/>
        <source>Thay đổi của người tham gia %1 chưa được lưu.</source>
        <translation>The changes to participant %1 are not saved.</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="154"/>
        <source>Cuộc kiểm tra vừa được nộp hoặc bỏ từ máy khác nên không sửa được nữa: phần bạn gõ sau lần lưu cuối chưa được lưu (vẫn hiện ở đây để bạn chép lại).</source>
        <translation>This inspection was just submitted or discarded on another tablet and can no longer be edited: what you typed after the last save was not saved (it stays here for you to copy).</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="178"/>
        <source>I. Thành phần tham gia (%1)</source>
        <translation>I. Participants (%1)</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="184"/>
        <source>Chưa có người tham gia. Biên bản liệt kê từng người theo cơ quan: họ tên, chức vụ.</source>
        <translation>No participants yet. The minutes list each person by agency: full name, position.</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="230"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="231"/>
        <source>Sửa %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="240"/>
        <source>Xoá</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="241"/>
        <source>Xoá %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="269"/>
        <source>Thêm người tham gia</source>
        <translation>Add a participant</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="269"/>
        <source>Sửa người tham gia</source>
        <translation>Edit participant</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="284"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="294"/>
        <source>Ví dụ: Nguyễn Văn An</source>
        <translation>Example: Nguyễn Văn An</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="308"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="317"/>
        <source>Ví dụ: Phó Giám đốc</source>
        <translation>Example: Deputy Director</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="331"/>
        <source>Cơ quan, đơn vị</source>
        <translation>Agency, unit</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="340"/>
        <source>Ví dụ: Sở Công Thương</source>
        <translation>Example: Department of Industry and Trade</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="361"/>
        <source>+ Thêm vào biên bản</source>
        <translation>+ Add to the minutes</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="361"/>
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="368"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="377"/>
        <source>II. Nội dung làm việc, kết quả kiểm tra</source>
        <translation>II. Work done and findings</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="388"/>
        <source>Điều đã thấy, ý kiến của từng cơ quan…</source>
        <translation>What was seen, each agency’s opinion…</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="413"/>
        <source>III. Kết luận và kiến nghị</source>
        <translation>III. Conclusions and requests</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="420"/>
        <source>+ Thêm ý (Một là…, Hai là…)</source>
        <translation>+ Add a point (Một là…, Hai là…)</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="433"/>
        <source>Một là, …
Hai là, …</source>
        <translation>Một là (first), …
Hai là (second), …</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="455"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="455"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="470"/>
        <source>Xoá người tham gia</source>
        <translation>Remove participant</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="481"/>
        <source>Xoá %1 khỏi thành phần tham gia?</source>
        <translation>Remove %1 from the participants?</translation>
    </message>
</context>
<context>
    <name>NmeaLogReplayer</name>
    <message>
        <location filename="../../app/position/nmealogreplayer.cpp" line="61"/>
        <source>Không mở được tệp NMEA %1 (%2). Kiểm tra lại đường dẫn trong cài đặt định vị.</source>
        <translation>Cannot open the NMEA file %1 (%2). Check the path in the position settings.</translation>
    </message>
    <message>
        <location filename="../../app/position/nmealogreplayer.cpp" line="67"/>
        <source>Tệp NMEA %1 quá lớn (%2 MB). Hãy cắt bớt tệp rồi thử lại.</source>
        <translation>The NMEA file %1 is too large (%2 MB). Shorten the file, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/position/nmealogreplayer.cpp" line="101"/>
        <source>Tệp NMEA %1 không có câu định vị nào có thời gian (RMC, GGA, GLL). Hãy chọn tệp ghi từ máy thu GPS.</source>
        <translation>The NMEA file %1 has no position sentences with a time (RMC, GGA, GLL). Choose a file recorded by a GPS receiver.</translation>
    </message>
    <message>
        <location filename="../../app/position/nmealogreplayer.cpp" line="103"/>
        <source>đã chọn</source>
        <translation>you chose</translation>
    </message>
</context>
<context>
    <name>ParticipantModel</name>
    <message>
        <location filename="../../app/ui/participantmodel.cpp" line="29"/>
        <source>Chưa ghi cơ quan</source>
        <translation>No agency given</translation>
    </message>
</context>
<context>
    <name>PhotoModel</name>
    <message>
        <location filename="../../app/ui/photomodel.cpp" line="75"/>
        <source>Ảnh không có toạ độ</source>
        <translation>The photo has no coordinates</translation>
    </message>
    <message>
        <location filename="../../app/ui/photomodel.cpp" line="78"/>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/photomodel.cpp" line="80"/>
        <source>Chụp bằng máy</source>
        <translation>Taken with the camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/photomodel.cpp" line="80"/>
        <source>Chọn từ tệp</source>
        <translation>Chosen from a file</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../components/PhotoStrip.qml" line="38"/>
        <source>Ảnh chưa về máy</source>
        <translation>Photo not on this device yet</translation>
    </message>
    <message>
        <location filename="../components/PhotoStrip.qml" line="50"/>
        <source>Chưa có ảnh.</source>
        <translation>No photos yet.</translation>
    </message>
</context>
<context>
    <name>PhotoTransfer</name>
    <message>
        <location filename="../../sync/client/phototransfer.cpp" line="247"/>
        <source>Mã ảnh không hợp lệ.</source>
        <translation>Invalid photo ID.</translation>
    </message>
    <message>
        <location filename="../../sync/client/phototransfer.cpp" line="291"/>
        <source>Ảnh gốc chưa có trên máy chủ (máy chụp ảnh chưa đồng bộ). Hãy thử lại sau.</source>
        <translation>The original photo is not on the server yet (the device that took it has not synced). Try again later.</translation>
    </message>
</context>
<context>
    <name>PhotoViewPage</name>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="35"/>
        <source>Ảnh hiện trường</source>
        <translation>Site photo</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="111"/>
        <source>Thời điểm chụp</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="111"/>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="111"/>
        <source>Toạ độ (GPS)</source>
        <translation>Coordinates (GPS)</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="111"/>
        <source>Độ chính xác</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="111"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="111"/>
        <source>Kích thước</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="140"/>
        <source>Đang hiện ảnh thu nhỏ.</source>
        <translation>Showing the thumbnail.</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="140"/>
        <source>Máy này chưa có ảnh thu nhỏ.</source>
        <translation>This device has no thumbnail yet.</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="142"/>
        <source>Đang tải ảnh gốc từ máy chủ…</source>
        <translation>Downloading the original from the server…</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="144"/>
        <source>Không tải được ảnh gốc: %1</source>
        <translation>Could not download the original: %1</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="146"/>
        <source>Ảnh gốc ở trên máy chủ: hãy đăng nhập đồng bộ khi có mạng để xem.</source>
        <translation>The original is on the server: sign in to sync when you have a connection to see it.</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="163"/>
        <source>%1 / %2 MB</source>
        <translation>%1 / %2 MB</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="169"/>
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="176"/>
        <source>Không đọc được tệp ảnh.</source>
        <translation>The photo file cannot be read.</translation>
    </message>
</context>
<context>
    <name>PositionAverager</name>
    <message>
        <location filename="../../app/position/positionaverager.cpp" line="53"/>
        <source>Không nhận được vị trí nào trong thời gian lấy trung bình.</source>
        <translation>No position was received while averaging.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/position/positionaverager.cpp" line="54"/>
        <source>Cả %n vị trí nhận được đều kém chính xác hơn %1 m.</source>
        <translation>
            <numerusform>%n position was received, but it was less accurate than %1 m.</numerusform>
            <numerusform>All %n positions received were less accurate than %1 m.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/position/positionaverager.cpp" line="58"/>
        <source>Hãy ra chỗ thoáng, đứng yên và thử lại.</source>
        <translation>Move to an open area, stand still and try again.</translation>
    </message>
</context>
<context>
    <name>PositionIndicator</name>
    <message>
        <location filename="../components/PositionIndicator.qml" line="26"/>
        <source>Chưa có vị trí</source>
        <translation>No position</translation>
    </message>
    <message>
        <location filename="../components/PositionIndicator.qml" line="26"/>
        <source>độ chính xác ?</source>
        <translation>accuracy ?</translation>
    </message>
    <message>
        <location filename="../components/PositionIndicator.qml" line="26"/>
        <source>%1 giây trước</source>
        <translation>%1 s ago</translation>
    </message>
</context>
<context>
    <name>PositionPanel</name>
    <message>
        <location filename="../components/PositionPanel.qml" line="29"/>
        <source>Vị trí: %1, %2</source>
        <translation>Position: %1, %2</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="29"/>
        <source>Chưa có vị trí từ thiết bị</source>
        <translation>No position from the device yet</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="36"/>
        <source>Độ chính xác: %1 · cập nhật %2 giây trước · nguồn: %3</source>
        <translation>Accuracy: %1 · updated %2 s ago · source: %3</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="36"/>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="62"/>
        <source>Đang lấy trung bình (%1 điểm)…</source>
        <translation>Averaging (%1 fixes)…</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="62"/>
        <source>Lấy vị trí trung bình</source>
        <translation>Average the position</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="80"/>
        <source>Trung bình %1 điểm: %2, %3 (± %4 m)</source>
        <translation>Average of %1 fixes: %2, %3 (± %4 m)</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="84"/>
        <source>Hoặc nhập toạ độ bằng tay (độ thập phân):</source>
        <translation>Or type coordinates (decimal degrees):</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="97"/>
        <source>Vĩ độ (vd. 20,0456)</source>
        <translation>Latitude (e.g. 20.0456)</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="108"/>
        <source>Kinh độ (vd. 106,0212)</source>
        <translation>Longitude (e.g. 106.0212)</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="118"/>
        <source>Dùng toạ độ này</source>
        <translation>Use these coordinates</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="136"/>
        <source>Sẽ dùng toạ độ nhập tay: %1</source>
        <translation>Typed coordinates will be used: %1</translation>
    </message>
</context>
<context>
    <name>PositionSourceOptions</name>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="77"/>
        <source>Cài đặt định vị do phiên bản ứng dụng mới hơn ghi (phiên bản %1); đang dùng nguồn định vị mặc định. Hãy cập nhật ứng dụng.</source>
        <translation>The position settings were saved by a newer version of the app (version %1); using the default position source. Update the app.</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="91"/>
        <source>Tốc độ phát lại NMEA trong cài đặt không hợp lệ (%1); dùng tốc độ 1.</source>
        <translation>The NMEA replay speed in the settings is not valid (%1); using speed 1.</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="101"/>
        <source>Sai số UERE trong cài đặt định vị không hợp lệ (%1); dùng 5,1 m.</source>
        <translation>The UERE error in the position settings is not valid (%1); using 5.1 m.</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="120"/>
        <source>Nguồn định vị: default (mặc định), nmea, hoặc tên plugin Qt Positioning.</source>
        <translation>Position source: default, nmea, or the name of a Qt Positioning plugin.</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="121"/>
        <source>nguồn</source>
        <translation>source</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="123"/>
        <source>Phát lại tệp NMEA thay cho GPS (để trình diễn, thử).</source>
        <translation>Replay an NMEA file instead of the GPS (for demos and tests).</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="123"/>
        <source>tệp</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="125"/>
        <source>Hệ số tốc độ phát lại NMEA (1 = như khi ghi, 0 = từng bước).</source>
        <translation>NMEA replay speed factor (1 = as recorded, 0 = step by step).</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="125"/>
        <source>hệ số</source>
        <translation>factor</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="149"/>
        <source>--nmea-speed cần một số từ 0 đến 1000, không phải &quot;%1&quot;.</source>
        <translation>--nmea-speed needs a number from 0 to 1000, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/position/positionsourceoptions.cpp" line="155"/>
        <source>Đã chọn nguồn định vị NMEA nhưng chưa có tệp: dùng --nmea &lt;tệp&gt;.</source>
        <translation>The NMEA position source was chosen but no file was given: use --nmea &lt;file&gt;.</translation>
    </message>
</context>
<context>
    <name>PositionTracker</name>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="52"/>
        <source>Đã chọn phát lại tệp NMEA nhưng chưa chọn tệp. Hãy chọn tệp NMEA trong cài đặt định vị.</source>
        <translation>NMEA file replay is selected but no file was chosen. Choose an NMEA file in the position settings.</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="67"/>
        <source>Tệp NMEA: %1</source>
        <translation>NMEA file: %1</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="73"/>
        <source> (không tìm thấy plugin &quot;%1&quot;)</source>
        <translation> (plugin &quot;%1&quot; not found)</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="76"/>
        <source>Không có nguồn định vị%1. Hãy bật GPS/định vị của máy, hoặc chọn tệp NMEA trong cài đặt định vị.</source>
        <translation>No position source%1. Turn on the device’s GPS/location, or choose an NMEA file in the position settings.</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="103"/>
        <source>Không có nguồn định vị. Hãy bật GPS/định vị của máy.</source>
        <translation>No position source. Turn on the device’s GPS/location.</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="146"/>
        <source>Ứng dụng chưa được phép dùng định vị. Hãy bật quyền vị trí cho ứng dụng trong cài đặt của máy.</source>
        <translation>The app is not allowed to use location. Allow it in the device’s settings.</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="150"/>
        <source>Nguồn định vị đã ngừng (GPS bị tắt?). Hãy bật lại định vị.</source>
        <translation>The position source stopped (GPS turned off?). Turn location on again.</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="153"/>
        <source>Chưa nhận được vị trí. Hãy ra chỗ thoáng và chờ thêm.</source>
        <translation>No position received yet. Move to an open area and wait a little longer.</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="156"/>
        <source>Nguồn định vị báo lỗi không rõ. Hãy tắt rồi bật lại định vị.</source>
        <translation>The position source reported an unknown error. Turn location off and on again.</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="233"/>
        <source>Rất tốt</source>
        <translation>Very good</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="235"/>
        <source>Tốt</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="237"/>
        <source>Kém</source>
        <translation>Poor</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="241"/>
        <source>Không rõ sai số</source>
        <translation>Accuracy unknown</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="241"/>
        <source>Chưa có vị trí</source>
        <translation>No position</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="319"/>
        <source>Có thể bạn đang ở ngoài ranh giới cụm công nghiệp (cách khoảng %1 m, sai số định vị ±%2 m).</source>
        <translation>You may be outside the industrial cluster boundary (about %1 m away, position accuracy ±%2 m).</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="324"/>
        <source>Bạn đang ở ngoài ranh giới cụm công nghiệp, cách khoảng %1 m.</source>
        <translation>You are outside the industrial cluster boundary, about %1 m away.</translation>
    </message>
    <message>
        <location filename="../../app/position/positiontracker.cpp" line="344"/>
        <source>Chưa bật định vị nên không lấy trung bình được. Hãy bật định vị trước.</source>
        <translation>Location is off, so the position cannot be averaged. Turn location on first.</translation>
    </message>
</context>
<context>
    <name>PullPhase</name>
    <message>
        <location filename="../../sync/client/pullphase.cpp" line="199"/>
        <source>Máy chủ vừa được khôi phục từ bản sao lưu và thiếu một phần dữ liệu. Máy này gửi lại %1 bản ghi máy chủ đã mất, rồi tải lại dữ liệu.</source>
        <translation>The server was just restored from a backup and is missing some data. This device is sending again %1 records the server lost, then reloading the data.</translation>
    </message>
    <message>
        <location filename="../../sync/client/pullphase.cpp" line="202"/>
        <source>Máy chủ vừa được khôi phục từ bản sao lưu. Máy này tải lại dữ liệu từ máy chủ.</source>
        <translation>The server was just restored from a backup. This device is reloading the data from the server.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/core/checklistmanager.cpp" line="151"/>
        <source>chỉ chọn Có, Không hoặc Không áp dụng.</source>
        <translation>choose only Yes, No or Not applicable.</translation>
    </message>
    <message>
        <location filename="../../app/core/checklistmanager.cpp" line="158"/>
        <source>“%1” không phải là số.</source>
        <translation>“%1” is not a number.</translation>
    </message>
    <message>
        <location filename="../../app/core/checklistmanager.cpp" line="171"/>
        <source>giá trị phải từ %1 %2 trở lên.</source>
        <translation>the value must be at least %1 %2.</translation>
    </message>
    <message>
        <location filename="../../app/core/checklistmanager.cpp" line="174"/>
        <source>giá trị không được vượt quá %1 %2.</source>
        <translation>the value must not be more than %1 %2.</translation>
    </message>
    <message>
        <location filename="../../app/core/checklistmanager.cpp" line="187"/>
        <source>hãy chọn một trong các lựa chọn có sẵn.</source>
        <translation>choose one of the options given.</translation>
    </message>
    <message>
        <location filename="../../app/core/checklistmanager.cpp" line="191"/>
        <source>nội dung quá dài (%1 ký tự, tối đa %2).</source>
        <translation>the text is too long (%1 characters, at most %2).</translation>
    </message>
    <message>
        <location filename="../../app/core/checklistmanager.cpp" line="197"/>
        <source>loại câu hỏi không được hỗ trợ (%1).</source>
        <translation>this kind of question is not supported (%1).</translation>
    </message>
    <message>
        <location filename="../../app/core/database.cpp" line="57"/>
        <source>Không mở được cơ sở dữ liệu %1: không có tệp này.</source>
        <translation>Cannot open the database %1: there is no such file.</translation>
    </message>
    <message>
        <location filename="../../app/core/database.cpp" line="74"/>
        <source>Không mở được cơ sở dữ liệu %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/database.cpp" line="81"/>
        <source>Cơ sở dữ liệu %1 chưa được nâng cấp lên phiên bản %2.</source>
        <translation>The database %1 has not been upgraded to version %2.</translation>
    </message>
    <message>
        <location filename="../../app/core/database.cpp" line="92"/>
        <location filename="../../app/core/database.cpp" line="101"/>
        <source>Không chuẩn bị được cơ sở dữ liệu %1: %2</source>
        <translation>Cannot prepare the database %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="57"/>
        <source>Ngày giờ “%1” (%2) không đúng dạng ISO 8601.</source>
        <translation>The date and time “%1” (%2) is not in ISO 8601 format.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="121"/>
        <source>Mẫu phiếu %1 không có câu hỏi nào.</source>
        <translation>Checklist template %1 has no questions.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="129"/>
        <source>Mẫu phiếu %1 có câu hỏi thiếu mã hoặc nội dung.</source>
        <translation>Checklist template %1 has a question without a code or text.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="131"/>
        <source>Mẫu phiếu %1 có hai câu hỏi cùng mã %2.</source>
        <translation>Checklist template %1 has two questions with the same code %2.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="133"/>
        <source>Câu hỏi %1 có loại không hỗ trợ: “%2”.</source>
        <translation>Question %1 has an unsupported kind: “%2”.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="143"/>
        <source>Câu hỏi lựa chọn %1 không có lựa chọn nào.</source>
        <translation>Choice question %1 has no options.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="149"/>
        <source>Câu hỏi %1 có lựa chọn thiếu giá trị hoặc nhãn.</source>
        <translation>Question %1 has an option without a value or label.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="157"/>
        <source>Câu hỏi %1 có giá trị nhỏ nhất lớn hơn giá trị lớn nhất.</source>
        <translation>Question %1 has a minimum greater than its maximum.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="163"/>
        <source>Câu hỏi %1 phụ thuộc câu %2 không có ở phía trước trong mẫu.</source>
        <translation>Question %1 depends on question %2, which does not come before it in the template.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="168"/>
        <source>Câu hỏi %1 phụ thuộc giá trị “%2” mà câu %3 không thể có.</source>
        <translation>Question %1 depends on the value “%2”, which question %3 cannot have.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="207"/>
        <source>Không mở được tệp dữ liệu %1: %2.</source>
        <translation>Cannot open the data file %1: %2.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="211"/>
        <source>Tệp %1 không phải JSON hợp lệ (%2, vị trí %3).</source>
        <translation>The file %1 is not valid JSON (%2, at position %3).</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="220"/>
        <source>Tệp %1 có định dạng “%2” phiên bản %3; ứng dụng này chỉ đọc %4 phiên bản %5 và %6 phiên bản %7. Hãy cập nhật ứng dụng hoặc dùng tệp đúng phiên bản.</source>
        <translation>The file %1 has format “%2” version %3; this app only reads %4 version %5 and %6 version %7. Update the app or use a file of the right version.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="238"/>
        <source>Cơ sở dữ liệu chưa mở: không nạp được dữ liệu mẫu.</source>
        <translation>The database is not open: cannot load the demo data.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="256"/>
        <source>Tệp %1 có bảng “%2” mà dữ liệu mẫu không hỗ trợ.</source>
        <translation>The file %1 has a table “%2” that demo data does not support.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="298"/>
        <source>Không đặt được cờ đồng bộ: %1</source>
        <translation>Cannot set the sync flag: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="371"/>
        <source>%1: mã “%2” (%3) không phải UUIDv7.</source>
        <translation>%1: the ID “%2” (%3) is not a UUIDv7.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="479"/>
        <source>Mẫu phiếu thiếu mã, phiên bản hoặc tên.</source>
        <translation>A checklist template has no code, version or name.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="530"/>
        <source>câu trả lời %1 trỏ tới câu hỏi %2 (%3) không có trong mẫu phiếu nào; hãy nạp mẫu phiếu tương ứng cùng lúc hoặc trước.</source>
        <translation>answer %1 refers to question %2 (%3), which is in no checklist template; load the matching template at the same time or first.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="540"/>
        <source>loại vi phạm “%1” không có trong danh mục.</source>
        <translation>the violation kind “%1” is not in the catalogue.</translation>
    </message>
    <message>
        <location filename="../../app/core/demodataloader.cpp" line="556"/>
        <source>biên bản kiểm tra %1 dùng mẫu phiếu %2 chưa có; hãy nạp mẫu phiếu (checklist-default.json) cùng lúc hoặc trước.</source>
        <translation>inspection minutes %1 use checklist template %2, which is not loaded; load the template (checklist-default.json) at the same time or first.</translation>
    </message>
    <message>
        <location filename="../../app/core/migrator.cpp" line="46"/>
        <source>Tệp này không phải là cơ sở dữ liệu của Kiểm tra CCN (%1).</source>
        <translation>This file is not a CCN Inspect database (%1).</translation>
    </message>
    <message>
        <location filename="../../app/core/migrator.cpp" line="51"/>
        <source>Cơ sở dữ liệu này do phiên bản mới hơn của Kiểm tra CCN tạo ra (lược đồ %1; ứng dụng này chỉ biết đến %2). Hãy cập nhật ứng dụng để mở; tệp chưa hề bị thay đổi.</source>
        <translation>This database was made by a newer version of CCN Inspect (schema %1; this app knows up to %2). Update the app to open it; the file has not been changed.</translation>
    </message>
    <message>
        <location filename="../../app/core/migrator.cpp" line="79"/>
        <source>Thiếu bước nâng cấp %1</source>
        <translation>Upgrade step %1 is missing</translation>
    </message>
    <message>
        <location filename="../../app/core/migrator.cpp" line="87"/>
        <source>Nâng cấp cơ sở dữ liệu thất bại ở bước %1: %2</source>
        <translation>The database upgrade failed at step %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/outboxtriggers.cpp" line="209"/>
        <source>Không cài được trigger đồng bộ %1: %2</source>
        <translation>Cannot install the sync trigger %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/recordwriter.cpp" line="65"/>
        <source>Không chuẩn bị được việc lưu vào %1: %2</source>
        <translation>Cannot prepare saving to %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/recordwriter.cpp" line="71"/>
        <location filename="../../app/core/recordwriter.cpp" line="103"/>
        <source>Không lưu được vào %1: %2</source>
        <translation>Cannot save to %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/recordwriter.cpp" line="92"/>
        <source>Không chuẩn bị được việc cập nhật %1: %2</source>
        <translation>Cannot prepare the update of %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/recordwriter.cpp" line="121"/>
        <source>Không xoá được khỏi %1: %2</source>
        <translation>Cannot delete from %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/searchtext.cpp" line="48"/>
        <source>Không cập nhật được chỉ mục tìm kiếm: %1</source>
        <translation>Cannot update the search index: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/searchtext.cpp" line="147"/>
        <source>Không cập nhật được chỉ mục tìm kiếm: cơ sở dữ liệu không phải SQLite đang mở</source>
        <translation>Cannot update the search index: the database is not an open SQLite database</translation>
    </message>
    <message>
        <location filename="../../app/core/sqlscript.cpp" line="41"/>
        <source>Lệnh SQL lỗi: %1 (%2)</source>
        <translation>SQL statement failed: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/core/sqlscript.cpp" line="50"/>
        <source>Không đọc được tệp %1</source>
        <translation>Cannot read the file %1</translation>
    </message>
    <message>
        <location filename="../../app/core/transaction.cpp" line="18"/>
        <source>Không bắt đầu được giao dịch: %1</source>
        <translation>Cannot start a transaction: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/transaction.cpp" line="31"/>
        <source>Không có giao dịch</source>
        <translation>No transaction</translation>
    </message>
    <message>
        <location filename="../../app/core/transaction.cpp" line="36"/>
        <source>Không lưu được: %1</source>
        <translation>Cannot save: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/violationcatalog.cpp" line="38"/>
        <source>Danh mục vi phạm không đọc được (%1).</source>
        <translation>The violation catalogue cannot be read (%1).</translation>
    </message>
    <message>
        <location filename="../../app/core/violationcatalog.cpp" line="47"/>
        <source>Danh mục vi phạm không đúng định dạng ccn-checklist phiên bản 1.</source>
        <translation>The violation catalogue is not in the ccn-checklist format, version 1.</translation>
    </message>
    <message>
        <location filename="../../app/core/violationcatalog.cpp" line="67"/>
        <source>Danh mục vi phạm có mục không hợp lệ: “%1”.</source>
        <translation>The violation catalogue has an invalid entry: “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/core/violationcatalog.cpp" line="71"/>
        <source>Danh mục vi phạm có mã trùng: “%1”.</source>
        <translation>The violation catalogue has a duplicate code: “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/photo/exifreader.cpp" line="91"/>
        <source>%1 trong thông tin của ảnh không đầy đủ.</source>
        <translation>%1 in the photo’s EXIF data is incomplete.</translation>
    </message>
    <message>
        <location filename="../../app/photo/exifreader.cpp" line="99"/>
        <source>%1 trong thông tin của ảnh không hợp lệ.</source>
        <translation>%1 in the photo’s EXIF data is not valid.</translation>
    </message>
    <message>
        <location filename="../../app/photo/exifreader.cpp" line="153"/>
        <source>Không đọc được thông tin kèm theo ảnh (EXIF); đã bỏ qua phần này.</source>
        <translation>Cannot read the photo’s EXIF data; it was skipped.</translation>
    </message>
    <message>
        <location filename="../../app/photo/exifreader.cpp" line="165"/>
        <source>Vĩ độ</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../app/photo/exifreader.cpp" line="167"/>
        <source>Kinh độ</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../app/photo/exifreader.cpp" line="179"/>
        <source>Độ cao trong thông tin của ảnh không hợp lệ.</source>
        <translation>The altitude in the photo’s EXIF data is not valid.</translation>
    </message>
    <message>
        <location filename="../../app/photo/exifreader.cpp" line="218"/>
        <source>Thông tin kèm theo ảnh (EXIF) bị hỏng (%1); phần không đọc được đã bỏ qua.</source>
        <translation>The photo’s EXIF data is damaged (%1); the unreadable part was skipped.</translation>
    </message>
    <message>
        <location filename="../../app/photo/imageinspector.cpp" line="51"/>
        <source>Tệp trống. Hãy chọn ảnh khác hoặc chụp lại.</source>
        <translation>The file is empty. Choose another photo or take it again.</translation>
    </message>
    <message>
        <location filename="../../app/photo/imageinspector.cpp" line="61"/>
        <source>Tệp này không phải ảnh (JPEG hoặc PNG). Hãy chọn một tệp ảnh.</source>
        <translation>This file is not a photo (JPEG or PNG). Choose a photo file.</translation>
    </message>
    <message>
        <location filename="../../app/photo/imageinspector.cpp" line="65"/>
        <source>Ảnh bị hỏng, không mở được (%1). Hãy chọn ảnh khác hoặc chụp lại.</source>
        <translation>The photo is damaged and cannot be opened (%1). Choose another photo or take it again.</translation>
    </message>
    <message>
        <location filename="../../app/photo/imageinspector.cpp" line="70"/>
        <source>Ảnh không trọn vẹn (tệp bị cắt ngắn). Hãy chép lại từ máy ảnh hoặc chụp lại.</source>
        <translation>The photo is incomplete (the file was cut short). Copy it from the camera again or take it again.</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="71"/>
        <source>Không đọc được danh sách ảnh: %1</source>
        <translation>Cannot read the list of photos: %1</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="96"/>
        <source>Không mở được ảnh %1: %2</source>
        <translation>Cannot open the photo %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="100"/>
        <location filename="../../app/photo/photomanager.cpp" line="155"/>
        <source>Ảnh quá lớn (%1 MB, tối đa %2 MB). Hãy chụp lại với độ phân giải thấp hơn.</source>
        <translation>The photo is too large (%1 MB, at most %2 MB). Take it again at a lower resolution.</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="105"/>
        <source>Tệp %1 trống. Hãy chọn ảnh khác hoặc chụp lại.</source>
        <translation>The file %1 is empty. Choose another photo or take it again.</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="109"/>
        <source>Không đọc hết được ảnh %1: %2</source>
        <translation>Cannot read the whole photo %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="119"/>
        <location filename="../../app/photo/photomanager.cpp" line="152"/>
        <source>Ảnh phải gắn với một cuộc kiểm tra hoặc một vi phạm.</source>
        <translation>A photo must belong to an inspection or a violation.</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="132"/>
        <source>Máy ảnh không trả về hình. Hãy chụp lại.</source>
        <translation>The camera returned no image. Take the photo again.</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="141"/>
        <source>Không lưu được ảnh vừa chụp: %1</source>
        <translation>Cannot save the photo just taken: %1</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="219"/>
        <source>Chưa xác định được vị trí: ảnh đã lưu nhưng không có tọa độ.</source>
        <translation>No position yet: the photo was saved without coordinates.</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="227"/>
        <source>Ảnh không có thông tin kèm theo (EXIF): không biết ảnh được chụp lúc nào, ở đâu.</source>
        <translation>The photo has no EXIF data: when and where it was taken is unknown.</translation>
    </message>
    <message>
        <location filename="../../app/photo/photomanager.cpp" line="345"/>
        <source>Ảnh không còn nữa.</source>
        <translation>The photo no longer exists.</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="54"/>
        <source>Không tạo được thư mục ảnh %1. Hãy kiểm tra máy còn chỗ trống.</source>
        <translation>Cannot create the photo folder %1. Check that the device has free space.</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="62"/>
        <source>Không đọc được %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="67"/>
        <source>Thư mục ảnh %1 bị hỏng (không rõ cách sắp xếp).</source>
        <translation>The photo folder %1 is damaged (unknown layout).</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="70"/>
        <source>Ảnh được lưu bởi phiên bản ứng dụng mới hơn. Hãy cập nhật ứng dụng để xem.</source>
        <translation>The photos were saved by a newer version of the app. Update the app to view them.</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="95"/>
        <source>Không chuyển được ảnh thu nhỏ %1 vào %2. Hãy kiểm tra máy còn chỗ trống và quyền ghi.</source>
        <translation>Could not move the thumbnail %1 to %2. Check that the device has free space and write permission.</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="140"/>
        <location filename="../../app/core/photostore.cpp" line="150"/>
        <source>Không phải mã băm của ảnh: %1</source>
        <translation>Not a photo hash: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="160"/>
        <source>Không tạo được thư mục %1. Hãy kiểm tra máy còn chỗ trống.</source>
        <translation>Cannot create the folder %1. Check that the device has free space.</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="166"/>
        <source>Không lưu được tệp ảnh %1: %2</source>
        <translation>Cannot save the photo file %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="171"/>
        <location filename="../../app/core/photostore.cpp" line="176"/>
        <source>Không lưu được tệp ảnh %1 (%2). Hãy kiểm tra máy còn chỗ trống.</source>
        <translation>Cannot save the photo file %1 (%2). Check that the device has free space.</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="185"/>
        <source>Không lưu được tệp %1 (%2). Hãy kiểm tra máy còn chỗ trống.</source>
        <translation>Cannot save the file %1 (%2). Check that the device has free space.</translation>
    </message>
    <message>
        <location filename="../../app/core/photostore.cpp" line="191"/>
        <source>Không lưu được tệp %1.</source>
        <translation>Cannot save the file %1.</translation>
    </message>
    <message>
        <location filename="../../app/photo/thumbnailmaker.cpp" line="20"/>
        <source>Không mở được ảnh (%1). Hãy chọn ảnh khác hoặc chụp lại.</source>
        <translation>Cannot open the photo (%1). Choose another photo or take it again.</translation>
    </message>
    <message>
        <location filename="../../app/photo/thumbnailmaker.cpp" line="32"/>
        <source>Ảnh bị hỏng, không hiển thị được (%1). Hãy chọn ảnh khác hoặc chụp lại.</source>
        <translation>The photo is damaged and cannot be shown (%1). Choose another photo or take it again.</translation>
    </message>
    <message>
        <location filename="../../app/photo/thumbnailmaker.cpp" line="57"/>
        <source>Không tạo được ảnh thu nhỏ: %1</source>
        <translation>Cannot make the thumbnail: %1</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncmanager.cpp" line="23"/>
        <source>Không ghi được trạng thái đồng bộ: %1</source>
        <translation>Cannot save the sync state: %1</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncmanager.cpp" line="350"/>
        <source>Không tìm thấy thay đổi bị từ chối này.</source>
        <translation>This refused change was not found.</translation>
    </message>
    <message>
        <location filename="../../app/core/searchbacklog.cpp" line="16"/>
        <source>Không cập nhật được danh sách chờ lập chỉ mục tìm kiếm: %1</source>
        <translation>Could not update the list of records waiting for the search index: %1</translation>
    </message>
    <message>
        <location filename="../../app/core/sqlitelibrary.cpp" line="16"/>
        <source>Không đặt được cấu hình SQLite (mã %1: %2); SQLite chạy với cấu hình mặc định.</source>
        <translation>Could not configure SQLite (code %1: %2); SQLite runs with its default settings.</translation>
    </message>
    <message>
        <location filename="../../sync/client/rejecteddiscard.cpp" line="22"/>
        <source>Không bỏ được thay đổi bị từ chối: %1</source>
        <translation>Could not discard the refused change: %1</translation>
    </message>
    <message>
        <location filename="../../sync/client/rejecteddiscard.cpp" line="67"/>
        <source>Không tìm thấy thay đổi bị từ chối này (có thể đã được gửi lại).</source>
        <translation>This refused change was not found (it may have been sent again).</translation>
    </message>
    <message>
        <location filename="../../app/core/walcheckpointer.cpp" line="28"/>
        <source>Không chuyển được việc ghi nhật ký WAL sang luồng riêng: không phải kết nối SQLite.</source>
        <translation>Could not move the WAL checkpoints to a thread of their own: not an SQLite connection.</translation>
    </message>
    <message>
        <location filename="../../app/core/walcheckpointer.cpp" line="47"/>
        <source>cơ sở dữ liệu không ở chế độ WAL (%1)</source>
        <translation>the database is not in WAL mode (%1)</translation>
    </message>
    <message>
        <location filename="../../app/core/walcheckpointer.cpp" line="50"/>
        <source>Không mở được kết nối thứ hai tới %1: %2</source>
        <translation>Could not open a second connection to %1: %2</translation>
    </message>
    <message>
        <location filename="../../sync/client/pushbatch.cpp" line="134"/>
        <source>Thay đổi này quá lớn để gửi lên máy chủ (%1 MB; mỗi lần gửi tối đa %2 MB) nên máy không gửi nó; các thay đổi khác vẫn được gửi. Hãy bỏ thay đổi này (nội dung của nó vẫn được giữ trên máy) rồi nhập lại nội dung ngắn hơn</source>
        <translation>This change is too large to send to the registry (%1 MB; at most %2 MB per request), so the tablet does not send it; the other changes are still sent. Give this change up (its content stays on the tablet), then enter a shorter text</translation>
    </message>
    <message>
        <location filename="../../sync/client/discardcascade.cpp" line="20"/>
        <source>Không bỏ được các bản ghi mới thuộc về bản ghi bị bỏ: %1</source>
        <translation>Could not give up the new records that belong to the record given up: %1</translation>
    </message>
    <message>
        <location filename="../../sync/client/displacedrows.cpp" line="16"/>
        <source>Không để riêng được bản ghi trùng khoá: %1</source>
        <translation>Could not set aside a record with the same key: %1</translation>
    </message>
</context>
<context>
    <name>QuestionDelegate</name>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="86"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="89"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="92"/>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="141"/>
        <source>Nhập số</source>
        <translation>Enter a number</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="163"/>
        <source>Ghi nội dung…</source>
        <translation>Write here…</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="186"/>
        <source>Chọn ảnh từ tệp…</source>
        <translation>Choose a photo file…</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="194"/>
        <source>Chụp ảnh</source>
        <translation>Take a photo</translation>
    </message>
    <message numerus="yes">
        <location filename="../components/QuestionDelegate.qml" line="200"/>
        <source>%n ảnh</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="231"/>
        <source>Chọn ảnh</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="232"/>
        <source>Ảnh (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/SettingsPage.qml" line="14"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="32"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="53"/>
        <source>Họ tên cán bộ kiểm tra</source>
        <translation>Inspector&apos;s full name</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="65"/>
        <source>Nguồn vị trí</source>
        <translation>Position source</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="73"/>
        <source>Định vị của máy</source>
        <translation>The device&apos;s positioning</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="82"/>
        <source>Tệp nhật ký NMEA</source>
        <translation>NMEA log file</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="98"/>
        <source>Đường dẫn tệp .nmea</source>
        <translation>Path of the .nmea file</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="106"/>
        <source>Dùng tệp này</source>
        <translation>Use this file</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="119"/>
        <source>Ảnh gốc tải về từ máy chủ: giữ tối đa</source>
        <translation>Originals fetched from the server: keep at most</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="132"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="132"/>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="141"/>
        <source>Khi vượt quá, ảnh xem lâu nhất được xoá khỏi máy và tải lại khi cần. Ảnh chụp hoặc chọn trên máy này không bao giờ bị xoá.</source>
        <translation>Past that, the photos shown longest ago are removed from the device and fetched again when needed. Photos taken or chosen on this device are never removed.</translation>
    </message>
</context>
<context>
    <name>SignedInDevices</name>
    <message>
        <location filename="../components/SignedInDevices.qml" line="47"/>
        <source>khôi phục lúc %1 (bởi %2)</source>
        <translation>reinstated %1 (by %2)</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="47"/>
        <source>khôi phục lúc %1</source>
        <translation>reinstated %1</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="48"/>
        <source>thu hồi lúc %1 (bởi %2)</source>
        <translation>revoked %1 (by %2)</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="48"/>
        <source>thu hồi lúc %1</source>
        <translation>revoked %1</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="50"/>
        <source>Lịch sử: %1.</source>
        <translation>History: %1.</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="76"/>
        <source>Các máy đã đăng nhập bằng tài khoản này</source>
        <translation>Devices signed in with this account</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="76"/>
        <source>Các máy đã đăng nhập: của bạn và của những người dùng bạn quản lý</source>
        <translation>Signed-in devices: yours and those of the users you look after</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="81"/>
        <source>Mất máy tính bảng? Thu hồi máy đó ở đây: máy ấy không gửi, không tải được dữ liệu nữa và không đăng nhập lại được. Tìm lại được máy, hoặc thu hồi nhầm? Bấm &quot;Khôi phục&quot;: máy ấy đăng nhập lại được bằng mật khẩu và gửi nốt những gì nó còn giữ.</source>
        <translation>Lost a tablet? Revoke it here: it can no longer send or fetch data, nor sign in again. Found it again, or revoked it by mistake? Press &quot;Reinstate&quot;: it signs in again with the password and sends what it still holds.</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="88"/>
        <source>Tìm máy của người dùng khác: tên người dùng hoặc tên máy</source>
        <translation>Find another user&apos;s tablet: user name or tablet name</translation>
    </message>
    <message numerus="yes">
        <location filename="../components/SignedInDevices.qml" line="96"/>
        <source>%n máy của những người dùng khác: gõ tên để tìm.</source>
        <translation>
            <numerusform>%n tablet of other users: type a name to find it.</numerusform>
            <numerusform>%n tablets of other users: type a name to find one.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="105"/>
        <source>Máy chủ có %1 máy; danh sách này chỉ có %2 máy đầu tiên (xếp theo tên người dùng) nên có máy không tìm thấy ở đây. Máy không có trong danh sách được thu hồi trên máy chủ bằng lệnh &quot;ccn-registry revoke-device&quot;.</source>
        <translation>The server has %1 devices; this list holds only the first %2 (by user name), so some devices cannot be found here. A device not in the list is revoked on the server with the command &quot;ccn-registry revoke-device&quot;.</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="113"/>
        <source>Không có máy nào của người dùng khác khớp với &quot;%1&quot;.</source>
        <translation>No tablet of another user matches &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="125"/>
        <source>của %1</source>
        <translation>of %1</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="137"/>
        <source>(máy này)</source>
        <translation>(this device)</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="143"/>
        <source>Đã thu hồi.</source>
        <translation>Revoked.</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="143"/>
        <source>Dùng lần cuối lúc %1.</source>
        <translation>Last used at %1.</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="143"/>
        <source>Đăng nhập lúc %1.</source>
        <translation>Signed in at %1.</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="143"/>
        <source>Đã thu hồi (bởi %1).</source>
        <translation>Revoked (by %1).</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="168"/>
        <source>Thu hồi</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="175"/>
        <source>Khôi phục</source>
        <translation>Reinstate</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="184"/>
        <source>Chưa có danh sách máy từ máy chủ.</source>
        <translation>No list of devices from the registry yet.</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="190"/>
        <source>Tải lại danh sách máy</source>
        <translation>Reload the list of devices</translation>
    </message>
    <message>
        <location filename="../components/SignedInDevices.qml" line="184"/>
        <source>Cần kết nối mạng để xem danh sách máy.</source>
        <translation>A network connection is needed to see the devices.</translation>
    </message>
</context>
<context>
    <name>SyncClient</name>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="202"/>
        <source>Không ghi được mã thiết bị vào cơ sở dữ liệu trên máy.</source>
        <translation>Cannot store the device id in the database on this device.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="213"/>
        <source>Máy tính bảng</source>
        <translation>Tablet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../sync/client/syncclient.cpp" line="278"/>
        <source>%n thay đổi chưa gửi</source>
        <translation>
            <numerusform>%n unsent change</numerusform>
            <numerusform>%n unsent changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../sync/client/syncclient.cpp" line="280"/>
        <source>%n thay đổi bị máy chủ từ chối</source>
        <translation>
            <numerusform>%n change refused by the server</numerusform>
            <numerusform>%n changes refused by the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../sync/client/syncclient.cpp" line="282"/>
        <source>%n ảnh chưa tải lên (%1)</source>
        <translation>
            <numerusform>%n photo not uploaded (%1)</numerusform>
            <numerusform>%n photos not uploaded (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../sync/client/syncclient.cpp" line="285"/>
        <source>%n thay đổi của %1 chưa gửi</source>
        <translation>
            <numerusform>%n unsent change by %1</numerusform>
            <numerusform>%n unsent changes by %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="287"/>
        <source>Trên máy còn %1. Chúng vẫn được giữ trên máy và sẽ gửi khi đăng nhập lại.</source>
        <translation>Still on this device: %1. They stay on this device and will be sent when you log in again.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="294"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="295"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="430"/>
        <source>Chưa có địa chỉ máy chủ. Hãy nhập địa chỉ máy chủ do quản trị viên cung cấp.</source>
        <translation>No server address yet. Enter the server address your administrator gave you.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="440"/>
        <source>Địa chỉ máy chủ &quot;%1&quot; không dùng được. Hãy nhập địa chỉ do quản trị viên cung cấp, dạng https://tên-máy-chủ.</source>
        <translation>The server address &quot;%1&quot; cannot be used. Enter the address your administrator gave you, in the form https://server-name.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="540"/>
        <source>Hãy đồng bộ trước khi đăng xuất, hoặc xác nhận để vẫn đăng xuất.</source>
        <translation>Sync before logging out, or confirm to log out anyway.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="549"/>
        <source>Đã đăng xuất nên ảnh gốc chưa tải xong. Hãy đăng nhập rồi mở lại ảnh.</source>
        <translation>Signed out before the original finished downloading. Sign in, then open the photo again.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="666"/>
        <source>Đã dừng đồng bộ. Dữ liệu chưa gửi vẫn được giữ trên máy.</source>
        <translation>Sync stopped. Unsent data is still kept on this device.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="750"/>
        <source>Chưa lập được chỉ mục tìm kiếm cho các mục vừa tải về (%1). Máy sẽ thử lại sau lần đồng bộ tới; nếu bộ nhớ máy đã đầy, hãy giải phóng bớt.</source>
        <translation>Search could not index the items just downloaded (%1). The device will try again after the next sync; if its storage is full, free some space.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="1085"/>
        <source>Hãy đăng nhập trước.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncclient.cpp" line="1070"/>
        <source>Đây là máy đang dùng: hãy đăng xuất thay vì thu hồi.</source>
        <translation>This is the device in use: sign out instead of revoking it.</translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="30"/>
        <source>Dữ liệu chưa gửi vẫn được giữ an toàn trên máy.</source>
        <translation>Unsent data is kept safe on this device.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="36"/>
        <source>Mất kết nối với máy chủ. %1 Hãy kiểm tra mạng (Wi-Fi hoặc 4G) rồi bấm &quot;Đồng bộ&quot; lại.</source>
        <translation>Lost the connection to the server. %1 Check the network (Wi-Fi or 4G), then tap &quot;Sync&quot; again.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="41"/>
        <source>Máy chủ không trả lời kịp (mạng chậm hoặc chập chờn). %1 Hãy thử đồng bộ lại khi sóng mạng tốt hơn.</source>
        <translation>The server did not answer in time (slow or unstable network). %1 Sync again when the signal is better.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="46"/>
        <source>Máy chủ đang gặp sự cố. %1 Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên.</source>
        <translation>The server has a problem. %1 Try again in a few minutes; if it still fails, tell your administrator.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="51"/>
        <source>Máy chủ yêu cầu cập nhật ứng dụng. Hãy cập nhật CCN Inspect lên phiên bản mới rồi đồng bộ lại. %1</source>
        <translation>The server requires a newer version of the app. Update CCN Inspect, then sync again. %1</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="56"/>
        <source>Phiên đăng nhập đã hết hạn hoặc thiết bị này đã bị thu hồi quyền. Hãy đăng nhập lại. %1</source>
        <translation>Your login has expired or this device’s access was revoked. Log in again. %1</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="61"/>
        <source>Sai tên đăng nhập hoặc mật khẩu. Hãy kiểm tra và nhập lại.</source>
        <translation>Wrong user name or password. Check them and try again.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="65"/>
        <source>Máy này đã bị thu hồi nên không đăng nhập, không đồng bộ được. %1 Nếu máy đã được tìm lại hoặc bị thu hồi nhầm, hãy khôi phục nó từ một máy khác của bạn (trang Đồng bộ, nút &quot;Khôi phục&quot;) hoặc nhờ quản trị viên, rồi đăng nhập lại.</source>
        <translation>This device was revoked, so it cannot sign in or sync. %1 If it was found again or revoked by mistake, reinstate it from another of your devices (the Sync page, &quot;Reinstate&quot;) or ask an administrator, then sign in again.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="70"/>
        <source>Đăng nhập sai quá nhiều lần. Hãy chờ vài phút rồi thử lại.</source>
        <translation>Too many failed logins. Wait a few minutes, then try again.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="73"/>
        <source>Máy chủ từ chối yêu cầu. %1 Hãy báo quản trị viên nếu lỗi lặp lại.</source>
        <translation>The server refused the request. %1 Tell your administrator if this happens again.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="76"/>
        <source>Máy chủ trả lời không đúng định dạng. %1 Hãy thử lại sau; nếu vẫn lỗi, hãy báo quản trị viên.</source>
        <translation>The server’s answer is not in the expected format. %1 Try again later; if it still fails, tell your administrator.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="81"/>
        <source>Không ghi được dữ liệu đồng bộ vào máy (bộ nhớ đầy hoặc lỗi tệp). %1 Hãy giải phóng bộ nhớ rồi thử lại.</source>
        <translation>Cannot write the sync data on this device (storage full or a file error). %1 Free up storage, then try again.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="86"/>
        <source>Chưa đăng nhập. Hãy đăng nhập để đồng bộ.</source>
        <translation>Not logged in. Log in to sync.</translation>
    </message>
    <message>
        <location filename="../../sync/client/syncerrors.cpp" line="89"/>
        <source>Đang đồng bộ, hãy chờ lượt này xong.</source>
        <translation>Sync in progress; wait for it to finish.</translation>
    </message>
</context>
<context>
    <name>SyncHttp</name>
    <message>
        <location filename="../../sync/client/synchttp.cpp" line="152"/>
        <source>Kết nối bị đóng khi mới nhận %1 trên %2 byte.</source>
        <translation>The connection closed after %1 of %2 bytes.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../pages/SyncPage.qml" line="74"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="103"/>
        <source>Máy chủ tự ghi (nhập dữ liệu hoặc dữ liệu mẫu), lúc %1.</source>
        <translation>Written by the registry itself (an import or the demo data), at %1.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="105"/>
        <source>%1 lưu, đồng bộ lên lúc %2.</source>
        <translation>Saved by %1, synced at %2.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="106"/>
        <source>%1 lưu trên máy %2, đồng bộ lên lúc %3.</source>
        <translation>Saved by %1 on %2, synced at %3.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="134"/>
        <source>Đang có mạng</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="134"/>
        <source>Không có mạng — dữ liệu được lưu trên máy và sẽ gửi khi có mạng</source>
        <translation>No network — data is kept on this device and sent when online</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="141"/>
        <source>Người dùng: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="141"/>
        <source>Chưa đăng nhập</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="148"/>
        <source>Mọi thay đổi đã được gửi lên máy chủ.</source>
        <translation>All changes have been sent to the server.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="148"/>
        <source>Đang chờ gửi: %1 bản ghi (%2), %3 ảnh (%4)</source>
        <translation>Waiting to send: %1 records (%2), %3 photos (%4)</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="200"/>
        <source>Đồng bộ thành công lần cuối: %1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="200"/>
        <source>Chưa đồng bộ lần nào.</source>
        <translation>Never synced.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="242"/>
        <source>Sẽ tự thử lại lúc %1.</source>
        <translation>Will try again by itself at %1.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="70"/>
        <location filename="../pages/SyncPage.qml" line="251"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/SyncPage.qml" line="46"/>
        <source>Giá trị bạn tự nhập cho %n xung đột chưa được dùng.</source>
        <translation>
            <numerusform>The value you typed for %n conflict has not been used.</numerusform>
            <numerusform>The values you typed for %n conflicts have not been used.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="62"/>
        <source>Đang gửi thay đổi lên máy chủ…</source>
        <translation>Sending changes to the server…</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="64"/>
        <source>Đang tải dữ liệu mới về máy…</source>
        <translation>Downloading new data…</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="66"/>
        <source>Đang gửi ảnh…</source>
        <translation>Sending photos…</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="68"/>
        <source>Đang tải ảnh thu nhỏ…</source>
        <translation>Downloading thumbnails…</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="148"/>
        <source>Mọi thay đổi của bạn đã được gửi lên máy chủ.</source>
        <translation>All your changes have been sent to the server.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/SyncPage.qml" line="157"/>
        <source>%n thay đổi của %1 đang chờ người đó đăng nhập trên máy này để gửi: máy chủ ghi mỗi thay đổi dưới tên người gửi.</source>
        <translation>
            <numerusform>%n change by %1 waits for them to sign in on this device to send it: the server records each change under the name of who sends it.</numerusform>
            <numerusform>%n changes by %1 wait for them to sign in on this device to send them: the server records each change under the name of who sends it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="166"/>
        <source>Gửi dưới tên tôi</source>
        <translation>Send under my name</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="184"/>
        <source>Đồng ý gửi dưới tên tôi</source>
        <translation>Yes, send under my name</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="193"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="251"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="259"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="270"/>
        <source>%1 thay đổi bị máy chủ từ chối (vẫn giữ trên máy):</source>
        <translation>%1 changes refused by the server (kept on this device):</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="296"/>
        <source>Thay đổi của %1: chỉ người đó bỏ được.</source>
        <translation>A change by %1: only they can discard it.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="302"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="302"/>
        <source>%1 (%2): %3. Máy tự gửi lại mỗi lần đồng bộ, đến khi máy chủ có bản ghi này cần.</source>
        <translation>%1 (%2): %3. Sent again by itself at every sync until the registry has the record it needs.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="302"/>
        <source>%1 (%2): %3. Đã chờ hơn %4 ngày nên máy thôi tự gửi lại: hãy báo giám sát viên (họ thấy thay đổi này trong trang Đồng bộ của mình) để máy đang giữ bản ghi kia đồng bộ, rồi bấm Gửi lại.</source>
        <translation>%1 (%2): %3. Waited more than %4 days, so this tablet no longer sends it by itself: ask a supervisor (they see this change on their Sync page) to have the device that holds the other record sync, then tap Send again.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="311"/>
        <source>Gửi lại</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="321"/>
        <source>Bỏ thay đổi</source>
        <translation>Discard change</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/SyncPage.qml" line="337"/>
        <source>Hiện thêm %n thay đổi</source>
        <translation>
            <numerusform>Show %n more change</numerusform>
            <numerusform>Show %n more changes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="347"/>
        <source>%1 thay đổi của bạn trùng với thay đổi người khác đã gửi trước. Máy này hiện giá trị đang dùng; giá trị của bạn được máy chủ giữ lại để giám sát viên quyết định:</source>
        <translation>%1 of your changes met changes someone else had sent first. This tablet shows the value in use; the registry keeps yours for a supervisor to decide:</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="359"/>
        <source>• %1 · %2</source>
        <translation>• %1 · %2</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="359"/>
        <source>• %1 (%2)</source>
        <translation>• %1 (%2)</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="359"/>
        <source>%1: bạn ghi “%2”, đang dùng “%3”</source>
        <translation>%1: you wrote “%2”, in use “%3”</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="359"/>
        <source> — bản ghi này hiện đã bị xoá</source>
        <translation> — this record has since been deleted</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="367"/>
        <source>Đã hiểu</source>
        <translation>Understood</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="376"/>
        <source>Xung đột cần xử lý: %1</source>
        <translation>Conflicts to resolve: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="376"/>
        <source>Không có xung đột cần xử lý.</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="376"/>
        <source>Xung đột cần xử lý: %1 (đang hiện %2 cái cũ nhất; xử lý xong sẽ hiện tiếp)</source>
        <translation>Conflicts to settle: %1 (the %2 oldest shown; more appear as these are settled)</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="382"/>
        <source>Tải lại danh sách xung đột</source>
        <translation>Reload conflicts</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="407"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="407"/>
        <source>%1 · sửa một bản ghi đã bị xoá</source>
        <translation>%1 · an edit of a deleted record</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="407"/>
        <source>%1 · xoá một bản ghi người khác đã sửa</source>
        <translation>%1 · a delete of a record someone else edited</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="407"/>
        <source>%1 · đã bị xoá trong khi người khác ghi thêm vào</source>
        <translation>%1 · deleted while someone else added to it</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="420"/>
        <source>Đang dùng: %1</source>
        <translation>In use: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="427"/>
        <source>Đã có người ghi lại sau khi xảy ra xung đột; lúc đó là: %1</source>
        <translation>Written again after the conflict; at the time it was: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="444"/>
        <source>Giá trị bị giữ lại: %1</source>
        <translation>Held-back value: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="444"/>
        <source>Phần ghi thêm (vẫn được lưu): %1 — %2. Khôi phục để mọi người thấy lại.</source>
        <translation>What was added (still stored): %1 — %2. Restore it so that everyone sees it again.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="461"/>
        <source>Hoặc tự nhập giá trị (có thể ghép cả hai):</source>
        <translation>Or write a value yourself (it may join both):</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="476"/>
        <source>Giá trị giám sát viên tự nhập, ví dụ ghép cả hai giá trị</source>
        <translation>A value of the supervisor&apos;s own, e.g. both joined</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="478"/>
        <source>Giá trị tự nhập</source>
        <translation>Own value</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="500"/>
        <source>Dùng giá trị tự nhập</source>
        <translation>Use own value</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="507"/>
        <source>Giữ giá trị đang dùng</source>
        <translation>Keep the value in use</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="507"/>
        <source>Để nguyên đã xoá</source>
        <translation>Leave it deleted</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="514"/>
        <source>Dùng giá trị bị giữ lại</source>
        <translation>Use the held-back value</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="514"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/SyncPage.qml" line="525"/>
        <source>Hiện thêm %n xung đột</source>
        <translation>
            <numerusform>Show %n more conflict</numerusform>
            <numerusform>Show %n more conflicts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="536"/>
        <source>Thay đổi của các máy bị máy chủ từ chối: %1</source>
        <translation>Changes from tablets the registry refused: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="536"/>
        <source>Không có thay đổi nào của các máy bị máy chủ từ chối.</source>
        <translation>No change from any tablet is refused by the registry.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="536"/>
        <source>Thay đổi của các máy bị máy chủ từ chối: %1 (đang hiện %2 cái cũ nhất)</source>
        <translation>Changes from tablets the registry refused: %1 (the %2 oldest shown)</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="543"/>
        <source>Tải lại danh sách bị từ chối</source>
        <translation>Reload the refused changes</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="561"/>
        <source>%1 (%2) · %3 trên máy %4</source>
        <translation>%1 (%2) · %3 on tablet %4</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="561"/>
        <source>(người dùng không rõ)</source>
        <translation>(unknown user)</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="583"/>
        <source>Giá trị gửi lên: %1</source>
        <translation>Values sent: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="583"/>
        <source>(đoạn văn dài chỉ hiện phần đầu)</source>
        <translation>(long texts show their beginning only)</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="589"/>
        <source>Đang chờ một bản ghi mà máy chủ chưa có: hãy nhắc người đang giữ bản ghi đó đồng bộ máy của họ.</source>
        <translation>Waiting for a record the registry does not have: ask whoever holds that record to sync their tablet.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="589"/>
        <source>Bị từ chối %1 lần.</source>
        <translation>Refused %1 times.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="589"/>
        <source>Bị từ chối %1 lần: lần đầu %2, lần cuối %3.</source>
        <translation>Refused %1 times: first %2, last %3.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="589"/>
        <source>Bị từ chối lúc %1.</source>
        <translation>Refused at %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/SyncPage.qml" line="600"/>
        <source>Hiện thêm %n thay đổi bị từ chối</source>
        <translation>
            <numerusform>Show %n more refused change</numerusform>
            <numerusform>Show %n more refused changes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="621"/>
        <source>Đăng xuất</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="673"/>
        <source>Máy đó sẽ không đồng bộ được nữa và không đăng nhập lại được cho đến khi được khôi phục. Những gì nó chưa gửi lên máy chủ sẽ ở lại trên máy đó. Chỉ làm khi máy bị mất hoặc không còn dùng.</source>
        <translation>That device will no longer sync, nor sign in again until it is reinstated. What it has not sent to the registry stays on it. Do this only when the device is lost or no longer used.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/SyncPage.qml" line="173"/>
        <source>%n thay đổi của %1 sẽ được gửi ở lượt đồng bộ tới và máy chủ ghi là của %2. Chỉ làm vậy khi người đó không thể đăng nhập trên máy này.</source>
        <translation>
            <numerusform>%n change by %1 will be sent in the next sync and recorded as %2&apos;s. Only do this when they cannot sign in on this device.</numerusform>
            <numerusform>%n changes by %1 will be sent in the next sync and recorded as %2&apos;s. Only do this when they cannot sign in on this device.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="644"/>
        <source>Bỏ thay đổi bị từ chối?</source>
        <translation>Discard the refused change?</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="652"/>
        <source>%1: bản ghi mới này sẽ không được gửi lên máy chủ và không còn hiện trong danh sách.</source>
        <translation>%1: this new record will not be sent to the server and will no longer be listed.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="652"/>
        <source>%1: thay đổi này sẽ không được gửi lên máy chủ; bản ghi hiện lại giá trị trước khi sửa, rồi lấy bản của máy chủ ở lần đồng bộ sau.</source>
        <translation>%1: this change will not be sent to the server; the record shows its values from before the edit again, then takes the server&apos;s version at the next sync.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="652"/>
        <source>Nội dung đã nhập vẫn được lưu trong máy.</source>
        <translation>What you entered stays saved on this device.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/SyncPage.qml" line="652"/>
        <source>%n bản ghi mới thuộc về nó (như câu trả lời, vi phạm, ảnh của một cuộc kiểm tra) cũng bị bỏ theo.</source>
        <translation>
            <numerusform>%n new record that belongs to it (such as an answer, a violation or a photo of an inspection) is given up with it.</numerusform>
            <numerusform>%n new records that belong to it (such as the answers, violations and photos of an inspection) are given up with it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="667"/>
        <source>Thu hồi máy %1?</source>
        <translation>Revoke device %1?</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="684"/>
        <source>Đăng xuất khi còn dữ liệu chưa gửi?</source>
        <translation>Log out with unsent data?</translation>
    </message>
</context>
<context>
    <name>UnsavedDialog</name>
    <message>
        <location filename="../components/UnsavedDialog.qml" line="27"/>
        <source>Rời trang khi còn thông tin chưa lưu?</source>
        <translation>Leave the page with information not saved?</translation>
    </message>
</context>
<context>
    <name>ViolationFormController</name>
    <message>
        <location filename="../../app/ui/violationformcontroller.cpp" line="52"/>
        <source>Hãy chọn loại vi phạm.</source>
        <translation>Choose the kind of violation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/violationformcontroller.cpp" line="56"/>
        <source>Hãy chọn mức độ vi phạm.</source>
        <translation>Choose the severity.</translation>
    </message>
    <message>
        <location filename="../../app/ui/violationformcontroller.cpp" line="59"/>
        <source>Hãy mô tả điều đã thấy tại hiện trường.</source>
        <translation>Describe what you saw on site.</translation>
    </message>
    <message>
        <location filename="../../app/ui/violationformcontroller.cpp" line="64"/>
        <source>Quá dài: %1 ký tự, tối đa %2.</source>
        <translation>Too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/violationformcontroller.cpp" line="67"/>
        <source>Quá dài: %1 ký tự, tối đa 300.</source>
        <translation>Too long: %1 characters, at most 300.</translation>
    </message>
    <message>
        <location filename="../../app/ui/violationformcontroller.cpp" line="75"/>
        <source>“%1” không phải là ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026.</source>
        <translation>“%1” is not a date. Enter day/month/year, e.g. 31/12/2026.</translation>
    </message>
    <message>
        <location filename="../../app/ui/violationformcontroller.cpp" line="79"/>
        <source>Hạn khắc phục phải trong khoảng năm 2000–2100.</source>
        <translation>The deadline must be between the years 2000 and 2100.</translation>
    </message>
</context>
<context>
    <name>ViolationFormPage</name>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="104"/>
        <source>Ghi nhận vi phạm</source>
        <translation>Record a violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="104"/>
        <source>Sửa vi phạm</source>
        <translation>Edit violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="133"/>
        <source>Loại vi phạm</source>
        <translation>Kind of violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="145"/>
        <source>Chọn loại vi phạm…</source>
        <translation>Choose the kind of violation…</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="157"/>
        <source>Căn cứ: %1</source>
        <translation>Legal basis: %1</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="157"/>
        <source>Mức phạt: %1</source>
        <translation>Fine: %1</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="165"/>
        <source>Mức độ</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="192"/>
        <source>Nội dung vi phạm (điều đã thấy)</source>
        <translation>What was seen</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="204"/>
        <source>Mô tả cụ thể điều quan sát được tại hiện trường</source>
        <translation>Describe exactly what you observed on site</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="218"/>
        <source>Biện pháp khắc phục yêu cầu</source>
        <translation>Required remedy</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="250"/>
        <source>Hạn khắc phục (ngày/tháng/năm)</source>
        <translation>Deadline (day/month/year)</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="275"/>
        <source>Đơn vị chịu trách nhiệm</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="295"/>
        <source>Ảnh làm chứng cứ</source>
        <translation>Evidence photos</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="301"/>
        <source>Lưu vi phạm trước, sau đó thêm ảnh.</source>
        <translation>Save the violation first, then add photos.</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="317"/>
        <source>Thêm ảnh từ tệp…</source>
        <translation>Add a photo file…</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="325"/>
        <source>Chụp ảnh</source>
        <translation>Take a photo</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="352"/>
        <source>Lưu vi phạm</source>
        <translation>Save violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="361"/>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="371"/>
        <source>Xoá vi phạm</source>
        <translation>Delete violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="383"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="399"/>
        <source>Lưu vi phạm trước khi đóng?</source>
        <translation>Save the violation before closing?</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="410"/>
        <source>Bạn đã sửa vi phạm này mà chưa lưu. Lưu để giữ các thay đổi; bỏ thay đổi thì vi phạm giữ như lần lưu trước.</source>
        <translation>You changed this violation without saving. Save to keep the changes; discard them and the violation stays as last saved.</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="418"/>
        <source>Chọn ảnh</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="419"/>
        <source>Ảnh (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
</TS>
