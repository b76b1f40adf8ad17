"""그림의 한글 글꼴 파일. matplotlib을 불러오지 않는다: 빌드 프로세스는 캐시 열쇠에 글꼴의 해시만 넣고
(cachekey), 그림은 다른 프로세스에서 그린다(figures). 빌드마다 matplotlib을 불러오는 데 약 0.7 s가 들었다."""

import importlib.util
from pathlib import Path


def korean_font_path():
    """pip 패키지 koreanize-matplotlib에 든 NanumGothic 파일 경로(패키지를 import하지 않는다)."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("한글 글꼴이 없습니다: pip install -e '.[docs]'로 koreanize-matplotlib를 설치하세요")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NanumGothic.ttf"
