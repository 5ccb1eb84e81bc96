/** Strings of the public result verification pages (namespace `results`), Vietnamese first. */
export const resultsVi = {
  title: 'Xác minh kết quả điện tử',
  lead: 'Kiểm tra văn bản kết quả giải quyết thủ tục hành chính có đúng là bản điện tử do cơ quan nhà nước cấp hay không.',
  leadNoId:
    'Chọn tệp PDF kết quả bạn nhận được (qua “Hồ sơ của tôi”, thư điện tử hoặc do người khác gửi). Hệ thống so sánh tệp với các kết quả đã cấp.',
  record: {
    caption: 'Kết quả điện tử đã cấp',
    dossierCode: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    unit: 'Cơ quan giải quyết',
    issuedAt: 'Thời điểm cấp',
    outcome: 'Kết quả',
    approved: 'Chấp thuận',
    refused: 'Từ chối giải quyết',
    signature: 'Chữ ký số',
    signatureValid: 'Hợp lệ',
    signatureInvalid: 'Không hợp lệ',
    signedByUnit: 'ký bằng chứng thư số của cơ quan',
    signedBySystem: 'ký bằng khóa của hệ thống',
    revokedTitle: 'Kết quả này đã bị thu hồi',
    revokedText:
      'Cơ quan giải quyết đã thu hồi kết quả này ngày {{date}}. Văn bản không còn giá trị; vui lòng liên hệ cơ quan để biết thêm.',
    invalidTitle: 'Chữ ký số không hợp lệ',
    invalidText:
      'Dữ liệu của kết quả này không khớp với chữ ký số. Đừng sử dụng văn bản; vui lòng liên hệ cơ quan giải quyết.',
  },
  notFoundTitle: 'Không tìm thấy kết quả điện tử',
  notFoundText:
    'Không có kết quả nào với mã này. Hãy quét lại mã QR trên văn bản, hoặc chọn tệp để kiểm tra bên dưới.',
  check: {
    heading: 'Kiểm tra tệp bạn nhận được',
    headingNoId: 'Chọn tệp cần kiểm tra',
    file: 'Tệp kết quả (PDF)',
    fileHint:
      'Chọn đúng tệp PDF đã tải về, không phải bản in rồi quét lại hay ảnh chụp. Tệp của bạn không được lưu lại trên hệ thống: chỉ mã băm của tệp được dùng để so sánh.',
    fileRequired: 'Vui lòng chọn tệp cần kiểm tra',
    submit: 'Kiểm tra tệp',
    checking: 'Đang kiểm tra…',
    genuineTitle: '✓ Đúng là văn bản kết quả gốc',
    genuineText:
      'Tệp “{{name}}” trùng khớp từng byte với kết quả điện tử của hồ sơ {{code}}, cấp lúc {{date}}, và chữ ký số hợp lệ.',
    notGenuineTitle: '✗ Không phải văn bản kết quả gốc',
    reason: {
      unknown:
        'Tệp “{{name}}” không trùng với kết quả điện tử nào đã cấp. Tệp có thể đã bị chỉnh sửa, lưu lại bằng phần mềm khác, hoặc không do cơ quan nhà nước cấp. Hãy kiểm tra đúng tệp PDF đã tải về từ Cổng dịch vụ công.',
      different_result:
        'Tệp “{{name}}” là một kết quả điện tử khác, không phải kết quả có mã QR bạn vừa quét.',
      revoked:
        'Tệp “{{name}}” đúng là kết quả đã cấp nhưng kết quả này đã bị thu hồi, không còn giá trị.',
      signature_invalid:
        'Tệp “{{name}}” khớp với một kết quả đã ghi nhận nhưng chữ ký số không hợp lệ. Đừng sử dụng văn bản; vui lòng liên hệ cơ quan giải quyết.',
    },
    another: 'Kiểm tra tệp khác',
  },
  technical: {
    summary: 'Thông tin kỹ thuật (để kiểm tra độc lập)',
    sha256: 'Mã băm SHA-256 của tệp',
    algorithm: 'Thuật toán ký',
    keyId: 'Mã khóa ký',
    keysLink: 'Danh sách khóa công khai',
    doc: 'Nội dung được ký là chuỗi JSON “statement”, xem tại địa chỉ API của kết quả.',
  },
  noId: 'Bạn có mã QR trên văn bản? Quét mã để mở thẳng trang xác minh của kết quả đó.',
} as const;
