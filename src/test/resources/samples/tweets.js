window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1850000000000000001",
      "full_text": "Big news: new listing tomorrow 10:00 UTC https://t.co/abc",
      "created_at": "Wed Nov 25 10:00:00 +0000 2026",
      "lang": "en",
      "entities": {
        "urls": [
          {
            "url": "https://t.co/abc",
            "expanded_url": "https://www.example.com/news"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1850000000000000002",
      "full_text": "@ExampleEx my api key: 4b7f2e9a-1c3d-4e5f-8a9b-0c1d2e3f4a5b is not working",
      "created_at": "Wed Nov 25 11:00:00 +0000 2026",
      "lang": "en",
      "in_reply_to_status_id_str": "1850000000000000001",
      "entities": {
        "urls": []
      }
    }
  },
  {
    "tweet": {
      "id_str": "1850000000000000003",
      "full_text": "提币到账了，感谢",
      "created_at": "Wed Nov 25 12:00:00 +0000 2026",
      "lang": "zh",
      "entities": {
        "urls": []
      }
    }
  }
]