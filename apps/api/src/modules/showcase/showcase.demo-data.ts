import type { OcopStars } from '@cqs/shared';
import type { DemoArt } from './showcase.demo-art';

/**
 * Demo showcases for a few real communes, in demo mode only. Every text says it is a demo
 * ("[DEMO]", "ví dụ minh hoạ"): the products are the kinds the province is known for, but the
 * producers, contacts, prices and OCOP stars are invented examples, never real certificates.
 * Phones use the 0000… pattern of the teams demo (no Vietnamese number starts with it); links go
 * to example.com (reserved for examples).
 */
export interface DemoProduct {
  name: string;
  description: string;
  producerName: string;
  producerContact: string;
  ocopStars: OcopStars;
  priceText: string;
  art: DemoArt[];
}

export interface DemoAmbassador {
  name: string;
  description: string;
  links: { label: string; url: string }[];
  art: DemoArt;
}

export interface DemoShowcase {
  communeCode: string;
  introduction: string;
  cover: DemoArt;
  gallery: { art: DemoArt; caption: string }[];
  products: DemoProduct[];
  ambassadors: DemoAmbassador[];
  /** Left as a draft for the editor demo (not published). */
  draftOnly?: boolean;
}

const NOTE =
  '[DEMO] Đây là nội dung ví dụ minh hoạ do hệ thống tạo ra để trình diễn, không phải thông tin chính thức của địa phương.';
const OCOP_NOTE = 'Hạng sao OCOP chỉ là ví dụ minh hoạ, không phải chứng nhận thật.';

export const DEMO_SHOWCASES: DemoShowcase[] = [
  {
    communeCode: '24133',
    introduction: [
      '[DEMO] Phường Buôn Ma Thuột nằm ở trung tâm tỉnh Đắk Lắk, nơi cà phê gắn với đời sống của người dân từ nhiều thế hệ.',
      'Trang này giới thiệu ví dụ về sản phẩm địa phương và những người đại diện tiêu biểu (“KOL”) giúp quảng bá hình ảnh của phường trên mạng.',
      NOTE,
    ].join('\n\n'),
    cover: { kind: 'landscape', hue: 110 },
    gallery: [
      { art: { kind: 'coffee' }, caption: '[DEMO] Hạt cà phê sau thu hoạch (ảnh minh hoạ)' },
      { art: { kind: 'gong' }, caption: '[DEMO] Không gian văn hoá cồng chiêng (ảnh minh hoạ)' },
      {
        art: { kind: 'brocade', hue: 350 },
        caption: '[DEMO] Hoa văn thổ cẩm (ảnh minh hoạ)',
      },
    ],
    products: [
      {
        name: '[DEMO] Cà phê Robusta Buôn Ma Thuột rang xay',
        description: `Ví dụ minh hoạ: cà phê Robusta trồng trên đất đỏ bazan, rang mộc, xay sẵn. ${OCOP_NOTE}`,
        producerName: 'Hợp tác xã cà phê mẫu (demo)',
        producerContact: 'Điện thoại 0000133001 (số demo)',
        ocopStars: 4,
        priceText: 'Ví dụ: 180.000 đ/500 g',
        art: [{ kind: 'coffee' }],
      },
      {
        name: '[DEMO] Cà phê nhân xanh Robusta',
        description: 'Ví dụ minh hoạ: cà phê nhân chọn lọc, đóng bao cho cơ sở rang xay.',
        producerName: 'Hộ sản xuất mẫu (demo)',
        producerContact: 'Điện thoại 0000133002 (số demo)',
        ocopStars: null,
        priceText: '',
        art: [{ kind: 'coffee', green: true }],
      },
    ],
    ambassadors: [
      {
        name: 'Chị H’Hoa Niê (demo)',
        description:
          '[DEMO] Người đại diện ví dụ: chia sẻ video pha cà phê phin và giới thiệu nông trại trên mạng xã hội.',
        links: [{ label: 'Trang ví dụ', url: 'https://example.com/demo-kol/hhoa' }],
        art: { kind: 'portrait', hue: 20 },
      },
      {
        name: 'Anh Trần Minh Khoa (demo)',
        description: '[DEMO] Người đại diện ví dụ: hướng dẫn viên kể chuyện văn hoá cà phê.',
        links: [{ label: 'Kênh video ví dụ', url: 'https://example.com/demo-kol/minhkhoa' }],
        art: { kind: 'portrait', hue: 200 },
      },
    ],
  },
  {
    communeCode: '24490',
    introduction: [
      '[DEMO] Xã Krông Pắc có nhiều vườn cây ăn trái; sầu riêng là loại quả được nhiều nhà vườn trồng.',
      NOTE,
    ].join('\n\n'),
    cover: { kind: 'landscape', hue: 70 },
    gallery: [{ art: { kind: 'durian' }, caption: '[DEMO] Vườn sầu riêng (ảnh minh hoạ)' }],
    products: [
      {
        name: '[DEMO] Sầu riêng',
        description: `Ví dụ minh hoạ: sầu riêng chín cây, cơm vàng, thu hoạch theo mùa. ${OCOP_NOTE}`,
        producerName: 'Tổ hợp tác nhà vườn mẫu (demo)',
        producerContact: 'Điện thoại 0000490001 (số demo)',
        ocopStars: 3,
        priceText: 'Ví dụ: giá theo mùa vụ',
        art: [{ kind: 'durian' }],
      },
    ],
    ambassadors: [
      {
        name: 'Anh Y Điêng Mlô (demo)',
        description: '[DEMO] Người đại diện ví dụ: nhà vườn trẻ livestream mùa thu hoạch.',
        links: [{ label: 'Trang ví dụ', url: 'https://example.com/demo-kol/ydieng' }],
        art: { kind: 'portrait', hue: 130 },
      },
    ],
  },
  {
    communeCode: '24280',
    introduction: [
      '[DEMO] Xã Cư M’gar có truyền thống trồng hồ tiêu và cà phê trên đất đỏ bazan.',
      NOTE,
    ].join('\n\n'),
    cover: { kind: 'landscape', hue: 25 },
    gallery: [{ art: { kind: 'pepper' }, caption: '[DEMO] Trụ tiêu (ảnh minh hoạ)' }],
    products: [
      {
        name: '[DEMO] Hồ tiêu đen',
        description: `Ví dụ minh hoạ: hạt tiêu phơi khô, đóng gói nhỏ. ${OCOP_NOTE}`,
        producerName: 'Hợp tác xã hồ tiêu mẫu (demo)',
        producerContact: 'Điện thoại 0000280001 (số demo)',
        ocopStars: 3,
        priceText: 'Ví dụ: 60.000 đ/200 g',
        art: [{ kind: 'pepper' }],
      },
    ],
    ambassadors: [],
  },
  {
    communeCode: '24343',
    introduction: [
      '[DEMO] Xã Krông Năng giới thiệu ví dụ về mắc ca và các sản phẩm nông nghiệp của địa phương.',
      NOTE,
    ].join('\n\n'),
    cover: { kind: 'landscape', hue: 165 },
    gallery: [],
    products: [
      {
        name: '[DEMO] Hạt mắc ca sấy nứt vỏ',
        description: `Ví dụ minh hoạ: hạt mắc ca sấy, nứt vỏ sẵn, kèm dụng cụ tách. ${OCOP_NOTE}`,
        producerName: 'Cơ sở chế biến mẫu (demo)',
        producerContact: 'Điện thoại 0000343001 (số demo)',
        ocopStars: 4,
        priceText: 'Ví dụ: 250.000 đ/kg',
        art: [{ kind: 'macadamia' }],
      },
    ],
    ambassadors: [
      {
        name: 'Chị Nguyễn Thu Hà (demo)',
        description: '[DEMO] Người đại diện ví dụ: giới thiệu món ăn từ mắc ca.',
        links: [{ label: 'Trang ví dụ', url: 'https://example.com/demo-kol/thuha' }],
        art: { kind: 'portrait', hue: 320 },
      },
    ],
  },
  {
    communeCode: '24373',
    draftOnly: true,
    introduction: [
      '[DEMO] Bản nháp ví dụ của xã Ea Kar, chưa công bố: cán bộ xã có thể sửa, xem trước và đề nghị lãnh đạo công bố.',
      NOTE,
    ].join('\n\n'),
    cover: { kind: 'landscape', hue: 45 },
    gallery: [],
    products: [
      {
        name: '[DEMO] Sản phẩm thổ cẩm',
        description: 'Ví dụ minh hoạ: khăn dệt thổ cẩm thủ công.',
        producerName: 'Tổ dệt mẫu (demo)',
        producerContact: 'Điện thoại 0000373001 (số demo)',
        ocopStars: null,
        priceText: '',
        art: [{ kind: 'brocade', hue: 20 }],
      },
    ],
    ambassadors: [],
  },
];
